// This file is compiled into ProtoGen.Runtime, ProtoGen.Runtime.ClientFactory and ProtoGen.Generators (linked):
// the build (ProtoGenServiceConfig items) and the run time (GrpcClientDefaults.FromServiceConfig) accept exactly
// the same gRPC service configs and match method names the same way.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProtoGen.Runtime;

/// <summary>One name of a <c>methodConfig</c> entry; empty strings where the JSON has no field.</summary>
internal readonly struct ServiceConfigName : IEquatable<ServiceConfigName>
{
    public ServiceConfigName(string service, string method)
    {
        Service = service;
        Method = method;
    }

    public string Service { get; }

    public string Method { get; }

    public bool Equals(ServiceConfigName other) => Service == other.Service && Method == other.Method;

    public override bool Equals(object? obj) => obj is ServiceConfigName other && Equals(other);

    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Service) * 397) ^ StringComparer.Ordinal.GetHashCode(Method));

    public override string ToString() => Service.Length == 0 ? "the empty name" : Method.Length == 0 ? $"'{Service}'" : $"'{Service}/{Method}'";
}

/// <summary>One <c>methodConfig</c> entry: its names, its timeout, and its policies as JSON.</summary>
internal sealed class ServiceConfigMethod
{
    public ServiceConfigMethod(List<ServiceConfigName> names, TimeSpan? timeout, JsonNode? retryPolicy, JsonNode? hedgingPolicy)
    {
        Names = names;
        Timeout = timeout;
        RetryPolicy = retryPolicy;
        HedgingPolicy = hedgingPolicy;
    }

    public List<ServiceConfigName> Names { get; }

    public TimeSpan? Timeout { get; }

    public JsonNode? RetryPolicy { get; }

    public JsonNode? HedgingPolicy { get; }
}

/// <summary>A problem in a service config, at a 1-based line and column of its JSON.</summary>
internal sealed class ServiceConfigError
{
    public ServiceConfigError(string message, int line, int column)
    {
        Message = message;
        Line = line;
        Column = column;
    }

    public string Message { get; }

    public int Line { get; }

    public int Column { get; }

    public override string ToString() => $"({Line.ToString(CultureInfo.InvariantCulture)},{Column.ToString(CultureInfo.InvariantCulture)}): {Message}";
}

/// <summary>A valid gRPC service config (gRFC A6 and doc/service_config.md): its method configs and its JSON.</summary>
internal sealed class ServiceConfigDocument
{
    public ServiceConfigDocument(JsonNode root, List<ServiceConfigMethod> methods)
    {
        Root = root;
        Methods = methods;
    }

    public JsonNode Root { get; }

    public List<ServiceConfigMethod> Methods { get; }

    /// <summary>
    /// The timeouts that apply to <paramref name="service"/>, by the spec's name matching: a method's own entry
    /// (<c>service</c> and <c>method</c>), else the service's entry (<c>service</c> only), else the entry with the
    /// empty name. The most specific entry applies whole: one without a timeout means "no timeout"
    /// (<see cref="System.Threading.Timeout.InfiniteTimeSpan"/>), never the timeout of a less specific entry.
    /// </summary>
    /// <param name="service">The full proto service name.</param>
    /// <param name="serviceTimeout">The timeout of methods without an entry of their own; <see langword="null"/> when no entry matches.</param>
    /// <returns>The timeouts of the methods that have an entry of their own.</returns>
    public Dictionary<string, TimeSpan> Resolve(string service, out TimeSpan? serviceTimeout)
    {
        var methods = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        TimeSpan? serviceLevel = null;
        TimeSpan? defaultLevel = null;
        foreach (ServiceConfigMethod entry in Methods)
        {
            TimeSpan timeout = entry.Timeout ?? System.Threading.Timeout.InfiniteTimeSpan;
            foreach (ServiceConfigName name in entry.Names)
            {
                if (name.Service.Length == 0)
                {
                    defaultLevel = timeout;
                }
                else if (name.Service == service && name.Method.Length == 0)
                {
                    serviceLevel = timeout;
                }
                else if (name.Service == service)
                {
                    methods[name.Method] = timeout;
                }
            }
        }

        serviceTimeout = serviceLevel ?? defaultLevel;
        return methods;
    }
}

/// <summary>Reads and checks a gRPC service config.</summary>
internal static class ServiceConfigSyntax
{
    private static readonly Dictionary<string, int> StatusCodes = new(StringComparer.Ordinal)
    {
        ["OK"] = 0,
        ["CANCELLED"] = 1,
        ["UNKNOWN"] = 2,
        ["INVALID_ARGUMENT"] = 3,
        ["DEADLINE_EXCEEDED"] = 4,
        ["NOT_FOUND"] = 5,
        ["ALREADY_EXISTS"] = 6,
        ["PERMISSION_DENIED"] = 7,
        ["RESOURCE_EXHAUSTED"] = 8,
        ["FAILED_PRECONDITION"] = 9,
        ["ABORTED"] = 10,
        ["OUT_OF_RANGE"] = 11,
        ["UNIMPLEMENTED"] = 12,
        ["INTERNAL"] = 13,
        ["UNAVAILABLE"] = 14,
        ["DATA_LOSS"] = 15,
        ["UNAUTHENTICATED"] = 16,
    };

    /// <summary>Parses <paramref name="json"/>; <see langword="null"/> and every error found when it is not a valid service config.</summary>
    public static ServiceConfigDocument? Parse(string json, out List<ServiceConfigError> errors)
    {
        errors = new List<ServiceConfigError>();
        JsonNode root;
        try
        {
            root = JsonReader.Parse(json);
        }
        catch (JsonSyntaxException e)
        {
            errors.Add(new ServiceConfigError("invalid JSON: " + e.Message, e.Line, e.Column));
            return null;
        }

        if (root.Kind != JsonKind.Object)
        {
            errors.Add(Error(root, $"a service config must be a JSON object, not {root.Describe()}"));
            return null;
        }

        var methods = new List<ServiceConfigMethod>();
        var seen = new HashSet<ServiceConfigName>();
        JsonNode? methodConfig = root["methodConfig"];
        if (methodConfig is not null && methodConfig.Kind != JsonKind.Array)
        {
            errors.Add(Error(methodConfig, $"'methodConfig' must be an array, not {methodConfig.Describe()}"));
        }
        else if (methodConfig is not null)
        {
            for (int i = 0; i < methodConfig.Items.Count; i++)
            {
                ServiceConfigMethod? method = ReadMethodConfig(methodConfig.Items[i], $"methodConfig[{i.ToString(CultureInfo.InvariantCulture)}]", seen, errors);
                if (method is not null)
                {
                    methods.Add(method);
                }
            }
        }

        if (root["retryThrottling"] is { } throttling)
        {
            CheckRetryThrottling(throttling, errors);
        }

        if (root["loadBalancingConfig"] is { } balancing)
        {
            CheckLoadBalancing(balancing, errors);
        }

        return errors.Count == 0 ? new ServiceConfigDocument(root, methods) : null;
    }

    /// <summary>
    /// A protobuf JSON <c>google.protobuf.Duration</c>: decimal seconds with up to nine fractional digits and an
    /// <c>s</c> suffix (<c>"1.5s"</c>, <c>"0.000340012s"</c>). Not negative. Nanoseconds round up to whole ticks.
    /// </summary>
    public static TimeSpan? ParseDuration(string text, out string? error)
    {
        error = "it must be a protobuf JSON duration: decimal seconds with an 's' suffix, such as \"1.5s\"";
        if (text.Length < 2 || text[text.Length - 1] != 's')
        {
            return null;
        }

        string number = text.Substring(0, text.Length - 1);
        if (number[0] == '-')
        {
            error = "a timeout or backoff must not be negative";
            return null;
        }

        int point = -1;
        for (int i = 0; i < number.Length && point < 0; i++)
        {
            point = number[i] == '.' ? i : -1;
        }

        string whole = point < 0 ? number : number.Substring(0, point);
        string fraction = point < 0 ? string.Empty : number.Substring(point + 1);
        if (whole.Length == 0 || !AllDigits(whole) || (point >= 0 && (fraction.Length == 0 || fraction.Length > 9 || !AllDigits(fraction))))
        {
            return null;
        }

        // protobuf's Duration range: at most 315,576,000,000 seconds (10,000 years).
        if (whole.Length > 12 || long.Parse(whole, CultureInfo.InvariantCulture) > 315_576_000_000L)
        {
            error = "it is longer than protobuf's Duration allows (315576000000s)";
            return null;
        }

        long seconds = long.Parse(whole, CultureInfo.InvariantCulture);
        long nanos = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(9, '0'), CultureInfo.InvariantCulture);
        long ticks = (seconds * TimeSpan.TicksPerSecond) + ((nanos + 99) / 100);
        error = null;
        return TimeSpan.FromTicks(ticks);
    }

    /// <summary>A status code by its name in the spec (<c>"UNAVAILABLE"</c>) or its number.</summary>
    public static int? ParseStatusCode(JsonNode node)
    {
        if (node.Kind == JsonKind.String && node.Text is not null && StatusCodes.TryGetValue(node.Text, out int code))
        {
            return code;
        }

        if (node.Kind == JsonKind.Number && int.TryParse(node.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number <= 16)
        {
            return number;
        }

        return null;
    }

    /// <summary>An integer (a JSON number without fraction or exponent, or a string of one, as protobuf JSON allows).</summary>
    public static int? ParseInt(JsonNode node)
        => node.Kind is JsonKind.Number or JsonKind.String
            && int.TryParse(node.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : null;

    /// <summary>A number (a JSON number, or a string of one, as protobuf JSON allows).</summary>
    public static double? ParseDouble(JsonNode node)
        => node.Kind is JsonKind.Number or JsonKind.String
            && double.TryParse(node.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double value)
            && !double.IsInfinity(value)
            ? value
            : null;

    private static ServiceConfigMethod? ReadMethodConfig(JsonNode entry, string path, HashSet<ServiceConfigName> seen, List<ServiceConfigError> errors)
    {
        if (entry.Kind != JsonKind.Object)
        {
            errors.Add(Error(entry, $"'{path}' must be an object, not {entry.Describe()}"));
            return null;
        }

        int before = errors.Count;
        var names = new List<ServiceConfigName>();
        JsonNode? nameList = entry["name"];
        if (nameList is null || nameList.Kind != JsonKind.Array || nameList.Items.Count == 0)
        {
            errors.Add(Error(nameList ?? entry, $"'{path}.name' must be a non-empty array of names ({{\"service\": \"pkg.Service\", \"method\": \"Method\"}})"));
        }
        else
        {
            for (int j = 0; j < nameList.Items.Count; j++)
            {
                JsonNode name = nameList.Items[j];
                string namePath = $"{path}.name[{j.ToString(CultureInfo.InvariantCulture)}]";
                if (name.Kind != JsonKind.Object)
                {
                    errors.Add(Error(name, $"'{namePath}' must be an object, not {name.Describe()}"));
                    continue;
                }

                string? service = ReadOptionalString(name, "service", namePath, errors);
                string? method = ReadOptionalString(name, "method", namePath, errors);
                if (service is null || method is null)
                {
                    continue;
                }

                if (service.Length == 0 && method.Length > 0)
                {
                    errors.Add(Error(name, $"'{namePath}' names method '{method}' without a service; only the empty name may leave 'service' out"));
                    continue;
                }

                var parsed = new ServiceConfigName(service, method);
                if (!seen.Add(parsed))
                {
                    errors.Add(Error(name, $"{parsed} appears in more than one name; each name must be unique across the service config"));
                    continue;
                }

                names.Add(parsed);
            }
        }

        TimeSpan? timeout = null;
        if (entry["timeout"] is { } timeoutNode)
        {
            timeout = ReadDuration(timeoutNode, path + ".timeout", errors);
        }

        JsonNode? retry = entry["retryPolicy"];
        JsonNode? hedging = entry["hedgingPolicy"];
        if (retry is not null && hedging is not null)
        {
            errors.Add(Error(hedging, $"'{path}' has both 'retryPolicy' and 'hedgingPolicy'; a method config may have at most one of them"));
        }

        if (retry is not null)
        {
            CheckRetryPolicy(retry, path + ".retryPolicy", errors);
        }

        if (hedging is not null)
        {
            CheckHedgingPolicy(hedging, path + ".hedgingPolicy", errors);
        }

        return errors.Count == before ? new ServiceConfigMethod(names, timeout, retry, hedging) : null;
    }

    private static void CheckRetryPolicy(JsonNode policy, string path, List<ServiceConfigError> errors)
    {
        if (!IsObject(policy, path, errors))
        {
            return;
        }

        CheckMaxAttempts(policy, path, errors);
        foreach (string field in new[] { "initialBackoff", "maxBackoff" })
        {
            if (Required(policy, field, path, errors) is { } node && ReadDuration(node, path + "." + field, errors) is TimeSpan backoff && backoff <= TimeSpan.Zero)
            {
                errors.Add(Error(node, $"'{path}.{field}' must be greater than zero"));
            }
        }

        if (Required(policy, "backoffMultiplier", path, errors) is { } multiplier && !(ParseDouble(multiplier) > 0))
        {
            errors.Add(Error(multiplier, $"'{path}.backoffMultiplier' must be a number greater than zero"));
        }

        if (Required(policy, "retryableStatusCodes", path, errors) is { } codes)
        {
            CheckStatusCodes(codes, path + ".retryableStatusCodes", errors, allowEmpty: false);
        }
    }

    private static void CheckHedgingPolicy(JsonNode policy, string path, List<ServiceConfigError> errors)
    {
        if (!IsObject(policy, path, errors))
        {
            return;
        }

        CheckMaxAttempts(policy, path, errors);
        if (policy["hedgingDelay"] is { } delay)
        {
            _ = ReadDuration(delay, path + ".hedgingDelay", errors);
        }

        if (policy["nonFatalStatusCodes"] is { } codes)
        {
            CheckStatusCodes(codes, path + ".nonFatalStatusCodes", errors, allowEmpty: true);
        }
    }

    private static void CheckMaxAttempts(JsonNode policy, string path, List<ServiceConfigError> errors)
    {
        if (Required(policy, "maxAttempts", path, errors) is { } attempts && !(ParseInt(attempts) > 1))
        {
            errors.Add(Error(attempts, $"'{path}.maxAttempts' must be an integer greater than 1"));
        }
    }

    private static void CheckStatusCodes(JsonNode codes, string path, List<ServiceConfigError> errors, bool allowEmpty)
    {
        if (codes.Kind != JsonKind.Array || (!allowEmpty && codes.Items.Count == 0))
        {
            errors.Add(Error(codes, $"'{path}' must be {(allowEmpty ? "an" : "a non-empty")} array of status codes such as \"UNAVAILABLE\""));
            return;
        }

        foreach (JsonNode code in codes.Items)
        {
            if (ParseStatusCode(code) is null)
            {
                errors.Add(Error(code, $"'{path}' has {(code.Kind == JsonKind.String ? "'" + code.Text + "'" : code.Describe())}, which is not a gRPC status code (\"UNAVAILABLE\", \"DEADLINE_EXCEEDED\", ... or 0-16)"));
            }
        }
    }

    private static void CheckRetryThrottling(JsonNode throttling, List<ServiceConfigError> errors)
    {
        if (!IsObject(throttling, "retryThrottling", errors))
        {
            return;
        }

        if (Required(throttling, "maxTokens", "retryThrottling", errors) is { } tokens && !(ParseInt(tokens) is > 0 and <= 1000))
        {
            errors.Add(Error(tokens, "'retryThrottling.maxTokens' must be an integer from 1 to 1000"));
        }

        if (Required(throttling, "tokenRatio", "retryThrottling", errors) is { } ratio && !(ParseDouble(ratio) > 0))
        {
            errors.Add(Error(ratio, "'retryThrottling.tokenRatio' must be a number greater than zero"));
        }
    }

    private static void CheckLoadBalancing(JsonNode balancing, List<ServiceConfigError> errors)
    {
        if (balancing.Kind != JsonKind.Array)
        {
            errors.Add(Error(balancing, $"'loadBalancingConfig' must be an array, not {balancing.Describe()}"));
            return;
        }

        foreach (JsonNode policy in balancing.Items)
        {
            if (policy.Kind != JsonKind.Object || policy.Properties.Count != 1 || policy.Properties[0].Value.Kind != JsonKind.Object)
            {
                errors.Add(Error(policy, "each 'loadBalancingConfig' item must be an object with exactly one policy, such as {\"round_robin\": {}}"));
            }
        }
    }

    private static TimeSpan? ReadDuration(JsonNode node, string path, List<ServiceConfigError> errors)
    {
        if (node.Kind != JsonKind.String)
        {
            errors.Add(Error(node, $"'{path}' must be a duration string such as \"1.5s\", not {node.Describe()}"));
            return null;
        }

        TimeSpan? value = ParseDuration(node.Text!, out string? error);
        if (value is null)
        {
            errors.Add(Error(node, $"'{path}' is \"{node.Text}\": {error}"));
        }

        return value;
    }

    private static string? ReadOptionalString(JsonNode owner, string field, string path, List<ServiceConfigError> errors)
    {
        JsonNode? node = owner[field];
        if (node is null)
        {
            return string.Empty;
        }

        if (node.Kind != JsonKind.String)
        {
            errors.Add(Error(node, $"'{path}.{field}' must be a string, not {node.Describe()}"));
            return null;
        }

        return node.Text!;
    }

    private static JsonNode? Required(JsonNode owner, string field, string path, List<ServiceConfigError> errors)
    {
        JsonNode? node = owner[field];
        if (node is null)
        {
            errors.Add(Error(owner, $"'{path}' has no '{field}', which is required"));
        }

        return node;
    }

    private static bool IsObject(JsonNode node, string path, List<ServiceConfigError> errors)
    {
        if (node.Kind == JsonKind.Object)
        {
            return true;
        }

        errors.Add(Error(node, $"'{path}' must be an object, not {node.Describe()}"));
        return false;
    }

    private static bool AllDigits(string text)
    {
        foreach (char c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static ServiceConfigError Error(JsonNode node, string message) => new(message, node.Line, node.Column);
}
