namespace ProtoGen.Build.Protoc;

/// <summary>One line protoc printed, split into its parts. Line and column are 1-based; 0 when absent.</summary>
internal sealed record ProtocMessage(string File, int Line, int Column, bool IsWarning, string Text);
