using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ProtoGen.Generators.Model;
using ProtoGen.Shared;

namespace ProtoGen.Generators.Parser;

/// <summary>Finds the client classes Grpc.Tools generated and reads them into <see cref="ClientModel"/>s.</summary>
internal static class ClientParser
{
    private const string MethodFieldPrefix = "__Method_";

    /// <summary>
    /// The attribute the generator looks for. Grpc.Tools marks every member it generates with it, including the
    /// client's constructor from a channel. Keying on an attribute lets Roslyn skip every subtree without one
    /// (method bodies: most of the generated code) instead of visiting every node of every file.
    /// </summary>
    public const string GeneratedCodeAttribute = "System.CodeDom.Compiler.GeneratedCodeAttribute";

    /// <summary>
    /// Cheap syntax filter on the nodes that carry <see cref="GeneratedCodeAttribute"/>: the one-parameter
    /// constructor of a nested class whose base list names <c>ClientBase</c>. Its parameter is the channel
    /// (<c>grpc::ChannelBase channel</c>); this picks one node per client.
    /// </summary>
    public static bool IsCandidateConstructor(SyntaxNode node, CancellationToken cancellationToken)
        => node is ConstructorDeclarationSyntax { ParameterList.Parameters: { Count: 1 } parameters, Parent: ClassDeclarationSyntax client }
            && parameters[0].Type is { } type
            && RightmostName(type) is IdentifierNameSyntax { Identifier.ValueText: "ChannelBase" }
            && IsCandidate(client);

    /// <summary>Cheap syntax filter: a nested class whose base list names <c>ClientBase</c> (any qualification, generic).</summary>
    public static bool IsCandidate(ClassDeclarationSyntax node)
    {
        if (node is not { BaseList: { } baseList } || node.Parent is not ClassDeclarationSyntax)
        {
            return false;
        }

        foreach (BaseTypeSyntax baseType in baseList.Types)
        {
            if (RightmostName(baseType.Type) is GenericNameSyntax { Identifier.ValueText: "ClientBase", TypeArgumentList.Arguments.Count: 1 })
            {
                return true;
            }
        }

        return false;
    }

    private static TypeSyntax RightmostName(TypeSyntax type)
    {
        while (true)
        {
            switch (type)
            {
                case QualifiedNameSyntax qualified:
                    type = qualified.Right;
                    continue;
                case AliasQualifiedNameSyntax aliased:
                    type = aliased.Name;
                    continue;
                default:
                    return type;
            }
        }
    }

    /// <summary>Semantic check and read-out of the client that declares the matched constructor; <see langword="null"/> when it is not a Grpc.Tools client.</summary>
    public static ClientModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetNode.Parent is not ClassDeclarationSyntax declaration
            || context.TargetSymbol.ContainingType is not INamedTypeSymbol client)
        {
            return null;
        }

        if (client.BaseType is not { IsGenericType: true } baseType
            || baseType.OriginalDefinition.MetadataName != "ClientBase`1"
            || baseType.OriginalDefinition.ContainingNamespace.ToDisplayString() != "Grpc.Core"
            || client.ContainingType is not { IsStatic: true, ContainingType: null } service)
        {
            return null;
        }

        string? serviceName = null;
        var methods = new List<RpcMethodModel>();
        foreach (ISymbol member in service.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IFieldSymbol { IsStatic: true } field)
            {
                continue;
            }

            if (field.Name == "__ServiceName")
            {
                serviceName = ReadInitializer(field, cancellationToken) is LiteralExpressionSyntax literal
                    && literal.IsKind(SyntaxKind.StringLiteralExpression)
                    ? literal.Token.ValueText
                    : null;
            }
            else if (field.Name.StartsWith(MethodFieldPrefix, StringComparison.Ordinal)
                && field.Type is INamedTypeSymbol { MetadataName: "Method`2", TypeArguments.Length: 2 } methodType
                && ReadMethod(field, methodType, declaration, cancellationToken) is { } method)
            {
                methods.Add(method);
            }
        }

        if (serviceName is null || serviceName.Length == 0)
        {
            return null;
        }

        string ns = service.ContainingNamespace.IsGlobalNamespace ? string.Empty : service.ContainingNamespace.ToDisplayString();
        var collisions = new List<string>();
        foreach (string name in new[] { service.Name + "ClientWrapper", "I" + service.Name + "Client", service.Name + "ClientServiceCollectionExtensions" })
        {
            string metadataName = ns.Length == 0 ? name : ns + "." + name;
            if (context.SemanticModel.Compilation.GetTypesByMetadataName(metadataName).Length > 0)
            {
                collisions.Add(ns.Length == 0 ? name : ns + "." + name);
            }
        }

        return new ClientModel(
            ns,
            service.Name,
            client.Name,
            serviceName,
            client.DeclaredAccessibility == Accessibility.Public && service.DeclaredAccessibility == Accessibility.Public,
            methods.ToEquatableArray(),
            collisions.ToEquatableArray(),
            LocationInfo.From(declaration.Identifier.GetLocation()));
    }

    private static RpcMethodModel? ReadMethod(IFieldSymbol field, INamedTypeSymbol methodType, ClassDeclarationSyntax client, CancellationToken cancellationToken)
    {
        ArgumentListSyntax? arguments = ReadInitializer(field, cancellationToken) switch
        {
            ObjectCreationExpressionSyntax creation => creation.ArgumentList,
            ImplicitObjectCreationExpressionSyntax creation => creation.ArgumentList,
            _ => null,
        };

        if (arguments is null || arguments.Arguments.Count < 3)
        {
            return null;
        }

        RpcKind? kind = (arguments.Arguments[0].Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText switch
        {
            "Unary" => RpcKind.Unary,
            "ServerStreaming" => RpcKind.ServerStreaming,
            "ClientStreaming" => RpcKind.ClientStreaming,
            "DuplexStreaming" => RpcKind.DuplexStreaming,
            _ => null,
        };

        if (kind is null
            || arguments.Arguments[2].Expression is not LiteralExpressionSyntax nameLiteral
            || !nameLiteral.IsKind(SyntaxKind.StringLiteralExpression)
            || !SyntaxFacts.IsValidIdentifier(nameLiteral.Token.ValueText)
            || SyntaxFacts.GetKeywordKind(nameLiteral.Token.ValueText) != SyntaxKind.None
            || !WrapperNaming.IsWrapped(nameLiteral.Token.ValueText, field.ContainingType.Name))
        {
            return null;
        }

        string name = nameLiteral.Token.ValueText;
        (EquatableArray<string> summary, bool obsolete) = ReadClientMethodDocs(client, name);
        return new RpcMethodModel(
            name,
            kind.Value,
            methodType.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            methodType.TypeArguments[1].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            summary,
            obsolete);
    }

    private static ExpressionSyntax? ReadInitializer(IFieldSymbol field, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value })
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the <c>&lt;summary&gt;</c> lines of the client's first method named <paramref name="name"/>
    /// (where Grpc.Tools puts the proto comment). Read from trivia, so it works whatever the documentation mode.
    /// </summary>
    private static (EquatableArray<string> Summary, bool Obsolete) ReadClientMethodDocs(ClassDeclarationSyntax client, string name)
    {
        foreach (MemberDeclarationSyntax member in client.Members)
        {
            if (member is not MethodDeclarationSyntax method || method.Identifier.ValueText != name)
            {
                continue;
            }

            bool obsolete = method.AttributeLists
                .SelectMany(list => list.Attributes)
                .Any(attribute => attribute.Name.ToString().EndsWith("Obsolete", StringComparison.Ordinal)
                    || attribute.Name.ToString().EndsWith("ObsoleteAttribute", StringComparison.Ordinal));

            var lines = new List<string>();
            bool inSummary = false;
            foreach (string raw in method.GetLeadingTrivia().ToFullString().Split('\n'))
            {
                string line = raw.Trim();
                if (!line.StartsWith("///", StringComparison.Ordinal))
                {
                    continue;
                }

                line = line.Substring(3);
                if (line.StartsWith(" ", StringComparison.Ordinal))
                {
                    line = line.Substring(1);
                }

                line = line.TrimEnd();
                if (line == "<summary>")
                {
                    inSummary = true;
                }
                else if (line == "</summary>")
                {
                    break;
                }
                else if (inSummary)
                {
                    lines.Add(line);
                }
            }

            return (lines.ToEquatableArray(), obsolete);
        }

        return (EquatableArray<string>.Empty, false);
    }
}
