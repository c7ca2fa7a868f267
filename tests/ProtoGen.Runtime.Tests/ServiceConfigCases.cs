using System.Collections.Generic;

namespace ProtoGen.Runtime.Tests;

/// <summary>
/// Every kind of malformed gRPC service config, with the line and column it is reported at and a fragment of the
/// message. The same list drives the run-time test (GrpcServiceConfig.Parse) here; the build-time test (PGEN1009)
/// compiles this same file (PGEN1009 at the same line and column), so build and run time cannot drift apart.
/// </summary>
internal static class ServiceConfigCases
{
    private const string Retry = "\"maxAttempts\": 3, \"initialBackoff\": \"0.1s\", \"maxBackoff\": \"1s\", \"backoffMultiplier\": 2, \"retryableStatusCodes\": [\"UNAVAILABLE\"]";

    public static IEnumerable<object[]> Malformed() =>
    [
        ["not JSON", "{", 1, 2, "invalid JSON: expected a property name"],
        ["not an object", "[]", 1, 1, "a service config must be a JSON object, not an array"],
        ["trailing text", "{}\nx", 2, 1, "invalid JSON: unexpected text after the end"],
        ["duplicate key", "{\"methodConfig\": [],\n \"methodConfig\": []}", 2, 2, "the property 'methodConfig' appears more than once"],
        ["bad escape", "{\"a\": \"\\q\"}", 1, 8, "invalid escape"],
        ["methodConfig not an array", "{\"methodConfig\": {}}", 1, 18, "'methodConfig' must be an array, not an object"],
        ["entry not an object", "{\"methodConfig\": [1]}", 1, 19, "'methodConfig[0]' must be an object, not a number"],
        ["no name", "{\"methodConfig\": [{}]}", 1, 19, "'methodConfig[0].name' must be a non-empty array"],
        ["empty name list", "{\"methodConfig\": [{\"name\": []}]}", 1, 28, "'methodConfig[0].name' must be a non-empty array"],
        ["name not an object", "{\"methodConfig\": [{\"name\": [\"x\"]}]}", 1, 29, "'methodConfig[0].name[0]' must be an object, not a string"],
        ["service not a string", "{\"methodConfig\": [{\"name\": [{\"service\": 1}]}]}", 1, 41, "'methodConfig[0].name[0].service' must be a string, not a number"],
        ["method without service", "{\"methodConfig\": [{\"name\": [{\"method\": \"Get\"}]}]}", 1, 29, "names method 'Get' without a service"],
        ["duplicate name", "{\"methodConfig\": [\n{\"name\": [{\"service\": \"s.S\"}]},\n{\"name\": [{\"service\": \"s.S\"}]}]}", 3, 11, "'s.S' appears in more than one name"],
        ["timeout not a string", "{\"methodConfig\": [{\"name\": [{}], \"timeout\": 5}]}", 1, 45, "'methodConfig[0].timeout' must be a duration string such as \"1.5s\", not a number"],
        ["timeout without unit", "{\"methodConfig\": [{\"name\": [{}], \"timeout\": \"5\"}]}", 1, 45, "it must be a protobuf JSON duration"],
        ["negative timeout", "{\"methodConfig\": [{\"name\": [{}], \"timeout\": \"-1s\"}]}", 1, 45, "must not be negative"],
        ["ten fractional digits", "{\"methodConfig\": [{\"name\": [{}], \"timeout\": \"1.0000000001s\"}]}", 1, 45, "it must be a protobuf JSON duration"],
        ["timeout too long", "{\"methodConfig\": [{\"name\": [{}], \"timeout\": \"315576000001s\"}]}", 1, 45, "longer than protobuf's Duration allows"],
        ["retry and hedging", "{\"methodConfig\": [{\"name\": [{}], \"retryPolicy\": {" + Retry + "}, \"hedgingPolicy\": {\"maxAttempts\": 2}}]}", 1, 197, "has both 'retryPolicy' and 'hedgingPolicy'"],
        ["retry policy not an object", "{\"methodConfig\": [{\"name\": [{}], \"retryPolicy\": true}]}", 1, 49, "'methodConfig[0].retryPolicy' must be an object, not a boolean"],
        ["retry without maxAttempts", "{\"methodConfig\": [{\"name\": [{}], \"retryPolicy\": {\"initialBackoff\": \"0.1s\", \"maxBackoff\": \"1s\", \"backoffMultiplier\": 2, \"retryableStatusCodes\": [\"UNAVAILABLE\"]}}]}", 1, 49, "has no 'maxAttempts', which is required"],
        ["retry maxAttempts 1", "{\"methodConfig\": [{\"name\": [{}], \"retryPolicy\": {" + Retry.Replace("\"maxAttempts\": 3", "\"maxAttempts\": 1", System.StringComparison.Ordinal) + "}}]}", 1, 65, "'methodConfig[0].retryPolicy.maxAttempts' must be an integer greater than 1"],
        ["zero backoff", "{\"methodConfig\": [{\"name\": [{}], \"retryPolicy\": {" + Retry.Replace("\"0.1s\"", "\"0s\"", System.StringComparison.Ordinal) + "}}]}", 1, 86, "'methodConfig[0].retryPolicy.initialBackoff' must be greater than zero"],
        ["zero multiplier", "{\"methodConfig\": [{\"name\": [{}], \"retryPolicy\": {" + Retry.Replace("\"backoffMultiplier\": 2", "\"backoffMultiplier\": 0", System.StringComparison.Ordinal) + "}}]}", 1, 135, "'methodConfig[0].retryPolicy.backoffMultiplier' must be a number greater than zero"],
        ["no retryable codes", "{\"methodConfig\": [{\"name\": [{}], \"retryPolicy\": {" + Retry.Replace("[\"UNAVAILABLE\"]", "[]", System.StringComparison.Ordinal) + "}}]}", 1, 162, "'methodConfig[0].retryPolicy.retryableStatusCodes' must be a non-empty array"],
        ["unknown status code", "{\"methodConfig\": [{\"name\": [{}], \"retryPolicy\": {" + Retry.Replace("UNAVAILABLE", "UNAVAILABLEE", System.StringComparison.Ordinal) + "}}]}", 1, 163, "'UNAVAILABLEE', which is not a gRPC status code"],
        ["hedging maxAttempts not a number", "{\"methodConfig\": [{\"name\": [{}], \"hedgingPolicy\": {\"maxAttempts\": \"x\"}}]}", 1, 67, "'methodConfig[0].hedgingPolicy.maxAttempts' must be an integer greater than 1"],
        ["throttling maxTokens", "{\"retryThrottling\": {\"maxTokens\": 2000, \"tokenRatio\": 0.1}}", 1, 35, "'retryThrottling.maxTokens' must be an integer from 1 to 1000"],
        ["two balancing policies", "{\"loadBalancingConfig\": [{\"a\": {}, \"b\": {}}]}", 1, 26, "exactly one policy"],
    ];
}
