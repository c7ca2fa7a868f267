using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ProtoGen.Build.Tests;

/// <summary>protoc and the well-known types from the Grpc.Tools package this project references.</summary>
internal static class Protoc
{
    public static readonly string PackagePath = typeof(Protoc).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "GrpcToolsPath").Value!;

    public static string StandardImports => Path.Combine(PackagePath, "build", "native", "include");

    public static string FullPath { get; } = Locate("protoc");

    /// <summary>Grpc.Tools' C# gRPC plugin.</summary>
    public static string GrpcPlugin { get; } = Locate("grpc_csharp_plugin");

    /// <summary>Runs protoc and fails the test when it fails.</summary>
    public static void Run(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(FullPath) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("protoc failed: " + errors);
        }
    }

    private static string Locate(string tool)
    {
        string path = Path.Combine(PackagePath, "tools", Platform(), OperatingSystem.IsWindows() ? tool + ".exe" : tool);
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

    private static string Platform()
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
