using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using ProtoGen.Testing.Infrastructure;

namespace ProtoGen.Testing.Processes;

/// <summary>
/// protoc, the C# gRPC plugin and the well-known types of the restored Grpc.Tools package (the repository's version,
/// <see cref="Repo.GrpcToolsPackage"/>), and a way to run protoc with a timeout.
/// </summary>
public static class GrpcToolsProtoc
{
    /// <summary>The longest one protoc run may take before it is killed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The well-known types (<c>google/protobuf/*.proto</c>): Grpc.Tools' <c>build/native/include</c>.</summary>
    public static string StandardImports => Path.Combine(Repo.GrpcToolsPackage, "build", "native", "include");

    /// <summary>protoc for this machine.</summary>
    public static string FullPath { get; } = Locate("protoc");

    /// <summary>Grpc.Tools' C# gRPC plugin (<c>grpc_csharp_plugin</c>) for this machine.</summary>
    public static string GrpcPlugin { get; } = Locate("grpc_csharp_plugin");

    /// <summary>Grpc.Tools' folder name for this machine's protoc: <c>linux_x64</c>, <c>windows_x64</c>, <c>macosx_universal</c>, ...</summary>
    public static string Platform
    {
        get
        {
            string os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macosx" : "linux";
            if (os == "macosx")
            {
                return "macosx_universal";
            }

            string cpu = RuntimeInformation.OSArchitecture switch
            {
                Architecture.X64 => "x64",
                Architecture.X86 => "x86",
                Architecture.Arm64 => os == "windows" ? "x64" : "arm64",
                _ => throw new PlatformNotSupportedException($"No protoc in Grpc.Tools for {RuntimeInformation.OSArchitecture}."),
            };
            return os + "_" + cpu;
        }
    }

    /// <summary>Runs protoc and throws with its output unless it succeeds.</summary>
    /// <param name="arguments">protoc's arguments.</param>
    /// <returns>The result (its output has protoc's warnings).</returns>
    /// <exception cref="ProcessFailedException">protoc failed or timed out.</exception>
    public static ProcessResult Run(params string[] arguments) => Run(null, Timeout, arguments).AssertSucceeded();

    /// <summary>Runs protoc, killed after <paramref name="timeout"/>, and returns its result whatever it is.</summary>
    /// <param name="workingDirectory">Where it runs (relative paths in the arguments and the output are relative to it); the default is this process's.</param>
    /// <param name="timeout">The longest it may run.</param>
    /// <param name="arguments">protoc's arguments.</param>
    /// <returns>The result.</returns>
    public static ProcessResult Run(string? workingDirectory, TimeSpan timeout, IReadOnlyList<string> arguments) =>
        ChildProcess.Run(new ProcessSpec(FullPath, arguments) { Name = "protoc " + string.Join(' ', arguments), WorkingDirectory = workingDirectory }, timeout);

    private static string Locate(string tool)
    {
        string path = Path.Combine(Repo.GrpcToolsPackage, "tools", Platform, OperatingSystem.IsWindows() ? tool + ".exe" : tool);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Grpc.Tools has no {tool} at {path}.", path);
        }

        if (!OperatingSystem.IsWindows())
        {
            // Grpc.Tools' own targets make protoc executable; a package extracted without them may not have the bit.
            UnixFileMode mode = File.GetUnixFileMode(path);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
            }
        }

        return path;
    }
}
