namespace ProtoGen.Breaking.Model;

/// <summary>
/// Where an element or one of its parts is written in a proto file, from the file's <c>SourceCodeInfo</c>: line and
/// column 1-based (protoc stores them 0-based), and the comments protoc attached to it.
/// </summary>
internal sealed record SourceLocation(int Line, int Column, string LeadingComments, string TrailingComments);
