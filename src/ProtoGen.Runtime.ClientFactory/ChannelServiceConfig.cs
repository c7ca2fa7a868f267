using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace ProtoGen.Runtime.ClientFactory;

/// <summary>
/// Turns a gRPC service config's JSON into Grpc.Net.Client's <see cref="ServiceConfig"/> (which has no JSON reader):
/// <c>methodConfig</c> names with their <c>retryPolicy</c> or <c>hedgingPolicy</c>, <c>retryThrottling</c> and
/// <c>loadBalancingConfig</c>, unchanged. <c>methodConfig[].timeout</c> is not a Grpc.Net.Client setting; ProtoGen's
/// wrappers apply it (see <see cref="GrpcServiceConfig"/>).
/// </summary>
public static class ChannelServiceConfig
{
    /// <summary>Converts a service config for <c>GrpcChannelOptions.ServiceConfig</c>.</summary>
    /// <param name="json">The service config JSON.</param>
    /// <returns>The channel's service config.</returns>
    /// <exception cref="FormatException">The JSON is not a valid service config.</exception>
    public static ServiceConfig FromJson(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        ServiceConfigDocument document = ServiceConfigSyntax.Parse(json, out List<ServiceConfigError> errors)
            ?? throw new FormatException("Invalid gRPC service config: " + string.Join("; ", errors.Select(static e => e.ToString())));

        var config = new ServiceConfig();
        foreach (ServiceConfigMethod method in document.Methods)
        {
            var methodConfig = new MethodConfig();
            foreach (ServiceConfigName name in method.Names)
            {
                methodConfig.Names.Add(name.Service.Length == 0 ? MethodName.Default : new MethodName { Service = name.Service, Method = name.Method.Length == 0 ? null : name.Method });
            }

            if (method.RetryPolicy is { } retry)
            {
                var policy = new RetryPolicy
                {
                    MaxAttempts = ServiceConfigSyntax.ParseInt(retry["maxAttempts"]!),
                    InitialBackoff = ServiceConfigSyntax.ParseDuration(retry["initialBackoff"]!.Text!, out _),
                    MaxBackoff = ServiceConfigSyntax.ParseDuration(retry["maxBackoff"]!.Text!, out _),
                    BackoffMultiplier = ServiceConfigSyntax.ParseDouble(retry["backoffMultiplier"]!),
                };
                AddCodes(policy.RetryableStatusCodes, retry["retryableStatusCodes"]);
                methodConfig.RetryPolicy = policy;
            }

            if (method.HedgingPolicy is { } hedging)
            {
                var policy = new HedgingPolicy
                {
                    MaxAttempts = ServiceConfigSyntax.ParseInt(hedging["maxAttempts"]!),
                    HedgingDelay = hedging["hedgingDelay"] is { } delay ? ServiceConfigSyntax.ParseDuration(delay.Text!, out _) : null,
                };
                AddCodes(policy.NonFatalStatusCodes, hedging["nonFatalStatusCodes"]);
                methodConfig.HedgingPolicy = policy;
            }

            config.MethodConfigs.Add(methodConfig);
        }

        if (document.Root["retryThrottling"] is { } throttling)
        {
            config.RetryThrottling = new RetryThrottlingPolicy
            {
                MaxTokens = ServiceConfigSyntax.ParseInt(throttling["maxTokens"]!),
                TokenRatio = ServiceConfigSyntax.ParseDouble(throttling["tokenRatio"]!),
            };
        }

        foreach (JsonNode balancing in document.Root["loadBalancingConfig"]?.Items ?? new List<JsonNode>())
        {
            KeyValuePair<string, JsonNode> policy = balancing.Properties[0];
            LoadBalancingConfig loadBalancing = policy.Key switch
            {
                LoadBalancingConfig.PickFirstPolicyName => new PickFirstConfig(),
                LoadBalancingConfig.RoundRobinPolicyName => new RoundRobinConfig(),
                _ => new LoadBalancingConfig(policy.Key),
            };
            loadBalancing.Inner[policy.Key] = ToObject(policy.Value);
            config.LoadBalancingConfigs.Add(loadBalancing);
        }

        return config;
    }

    private static void AddCodes(IList<StatusCode> target, JsonNode? codes)
    {
        foreach (JsonNode code in codes?.Items ?? new List<JsonNode>())
        {
            target.Add((StatusCode)ServiceConfigSyntax.ParseStatusCode(code)!.Value);
        }
    }

    // The shape Grpc.Net.Client's config objects hold: dictionaries, lists, strings, doubles, booleans.
    private static object ToObject(JsonNode node) => node.Kind switch
    {
        JsonKind.Object => node.Properties.ToDictionary(static p => p.Key, static p => ToObject(p.Value), StringComparer.Ordinal),
        JsonKind.Array => node.Items.Select(ToObject).ToList(),
        JsonKind.Number => double.Parse(node.Text!, CultureInfo.InvariantCulture),
        JsonKind.True => true,
        JsonKind.False => false,
        JsonKind.Null => string.Empty,
        _ => node.Text!,
    };
}
