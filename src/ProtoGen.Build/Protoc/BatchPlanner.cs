using System;
using System.Collections.Generic;
using System.Linq;

namespace ProtoGen.Build.Protoc;

/// <summary>
/// Splits protos into protoc runs. Protos compiled with different options or import paths cannot share a run,
/// and protoc's C# generator writes every output into one folder, so two protos whose outputs have the same
/// file name (two <c>common.proto</c> in different folders) go to different runs.
/// </summary>
internal static class BatchPlanner
{
    /// <summary>
    /// Groups <paramref name="items"/> by <paramref name="keyOf"/>, then fills runs in order, each proto into the
    /// first run of its group where none of its output file names (<paramref name="outputNamesOf"/>) is taken.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<T>> Plan<T>(IEnumerable<T> items, Func<T, string> keyOf, Func<T, IEnumerable<string>> outputNamesOf)
    {
        var runs = new List<IReadOnlyList<T>>();
        foreach (IGrouping<string, T> group in items.GroupBy(keyOf, StringComparer.Ordinal))
        {
            var groupRuns = new List<(List<T> Items, HashSet<string> Names)>();
            foreach (T item in group)
            {
                string[] outputs = outputNamesOf(item).ToArray();
                (List<T> Items, HashSet<string> Names) run = groupRuns.FirstOrDefault(r => !outputs.Any(r.Names.Contains));
                if (run.Items is null)
                {
                    run = ([], new HashSet<string>(IO.FileSystemCase.Comparer));
                    groupRuns.Add(run);
                }

                run.Items.Add(item);
                run.Names.UnionWith(outputs);
            }

            runs.AddRange(groupRuns.Select(r => (IReadOnlyList<T>)r.Items));
        }

        return runs;
    }
}
