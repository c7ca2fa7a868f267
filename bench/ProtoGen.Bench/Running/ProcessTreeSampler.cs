using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ProtoGen.Bench.Running;

/// <summary>
/// Samples, every <c>interval</c>, the resident memory of a process tree: the <c>dotnet build</c> process, its
/// MSBuild worker nodes and, without the compiler server, csc. With the compiler server (VBCSCompiler), where the
/// C# compile then runs, the server's memory is added: Roslyn's server outlives the build that started it and is
/// never part of the tree. Reads <c>/proc</c>; reports nothing where there is none.
/// </summary>
internal sealed class ProcessTreeSampler : IDisposable
{
    private readonly int _root;
    private readonly TimeSpan _interval;
    private readonly Thread? _thread;
    private readonly HashSet<int> _compilerServers = [];
    private volatile bool _stopping;

    public ProcessTreeSampler(int rootProcessId, TimeSpan interval)
    {
        _root = rootProcessId;
        _interval = interval;
        if (ProcFs.Supported)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "rss-sampler" };
            _thread.Start();
        }
    }

    /// <summary>The highest sum seen of the tree's and the compiler server's resident memory, in bytes.</summary>
    public long? PeakBytes { get; private set; }

    /// <summary>The highest resident memory of the build's own process tree alone, in bytes.</summary>
    public long? PeakTreeBytes { get; private set; }

    /// <summary>Compiler servers seen inside the tree: started by this build, they outlive it.</summary>
    public HashSet<int> StartedCompilerServers { get; } = [];

    /// <summary>Stops sampling and waits for the sampling thread.</summary>
    public void Stop()
    {
        _stopping = true;
        _thread?.Join();
    }

    public void Dispose() => Stop();

    private void Run()
    {
        while (!_stopping)
        {
            Sample();
            Thread.Sleep(_interval);
        }
    }

    private void Sample()
    {
        Dictionary<int, int> parents = ProcFs.Parents();
        var tree = new HashSet<int> { _root };
        bool grew = true;
        while (grew)
        {
            grew = false;
            foreach ((int pid, int parent) in parents)
            {
                grew |= tree.Contains(parent) && tree.Add(pid);
            }
        }

        _compilerServers.RemoveWhere(pid => !parents.ContainsKey(pid));

        StartedCompilerServers.UnionWith(tree.Where(pid => pid != _root && IsCompilerServer(pid)));
        long treeBytes = tree.Sum(ProcFs.Rss);
        if (treeBytes == 0)
        {
            return;     // the root has not started or has exited
        }

        long serverBytes = parents.Keys.Where(pid => !tree.Contains(pid) && IsCompilerServer(pid)).Sum(ProcFs.Rss);
        PeakTreeBytes = Math.Max(PeakTreeBytes ?? 0, treeBytes);
        PeakBytes = Math.Max(PeakBytes ?? 0, treeBytes + serverBytes);
    }

    /// <summary>Only a yes is remembered: a process just forked shows its parent's command line until it execs.</summary>
    private bool IsCompilerServer(int pid) =>
        _compilerServers.Contains(pid) || (ProcFs.IsCompilerServer(pid) && _compilerServers.Add(pid));
}
