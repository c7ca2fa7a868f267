using System;
using System.IO;
using System.Reflection;
using Microsoft.Build.Utilities;
using ProtoGen.Testing.Infrastructure;

namespace ProtoGen.Build.Tests;

/// <summary>Grpc.Tools' own dependency-file code (its internal <c>DepFileUtil</c>, in its task assembly), called as its targets call it.</summary>
internal static class GrpcToolsDepFiles
{
    private static readonly Type DepFileUtil = Assembly
        .LoadFrom(Path.Combine(Repo.GrpcToolsPackage, "build", "_protobuf", "netstandard2.0", "Protobuf.MSBuild.dll"))
        .GetType("Grpc.Tools.DepFileUtil", throwOnError: true)!;

    /// <summary>The dependency file name Grpc.Tools derives for a proto, which its up-to-date check reads.</summary>
    public static string FileName(string directory, string proto) => (string)Call("GetDepFilenameForProto", directory, proto);

    /// <summary>The inputs Grpc.Tools reads out of a proto's dependency file.</summary>
    public static string[] ReadInputs(string directory, string proto, TaskLoggingHelper log) => (string[])Call("ReadDependencyInputs", directory, proto, log);

    private static object Call(string method, params object[] arguments) =>
        (DepFileUtil.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new MissingMethodException("Grpc.Tools.DepFileUtil", method)).Invoke(null, arguments)!;
}
