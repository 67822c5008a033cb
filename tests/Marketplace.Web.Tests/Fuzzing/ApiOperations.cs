using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Web.Tests.Fuzzing;

public sealed record ApiParameter(string Name, string In, JsonElement Schema, bool Required);

/// <summary>One operation of the OpenAPI document: what the fuzzer needs to build requests for it.</summary>
public sealed record ApiOperation(string Method, string PathTemplate, string Id, IReadOnlyList<ApiParameter> Parameters, JsonElement? BodySchema)
{
    public IEnumerable<ApiParameter> InPath => Parameters.Where(p => p.In == "path");

    public IEnumerable<ApiParameter> InQuery => Parameters.Where(p => p.In == "query");

    public override string ToString() => $"{Method} {PathTemplate} ({Id})";
}

/// <summary>The operations of an OpenAPI 3.x document, and sample values built from its schemas.</summary>
public sealed class ApiDescription(JsonElement document)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public IReadOnlyList<ApiOperation> Operations()
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var common) ? Parameters(common) : [];
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                var operation = method.Value;
                var parameters = operation.TryGetProperty("parameters", out var own) ? Parameters(own) : [];
                JsonElement? body = operation.TryGetProperty("requestBody", out var requestBody)
                    && Resolve(requestBody).GetProperty("content").TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var schema) ? schema : null;
                var id = operation.TryGetProperty("operationId", out var operationId) ? operationId.GetString()! : $"{method.Name} {path.Name}";
                operations.Add(new ApiOperation(method.Name.ToUpperInvariant(), path.Name, id, [.. shared, .. parameters], body));
            }
        }

        return operations;
    }

    /// <summary>A value that fits the schema: every property filled, enums at their first value, formats honoured.</summary>
    public JsonNode? Sample(JsonElement schema, int depth = 0)
    {
        schema = Resolve(schema);
        if (depth > 8)
        {
            return null;
        }

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        foreach (var composite in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(composite, out var choices))
            {
                var choice = choices.EnumerateArray().FirstOrDefault(c => !Types(Resolve(c)).SequenceEqual(["null"]));
                return choice.ValueKind == JsonValueKind.Undefined ? null : Sample(choice, depth + 1);
            }
        }

        var types = Types(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            var node = new JsonObject();
            if (schema.TryGetProperty("properties", out var properties))
            {
                foreach (var property in properties.EnumerateObject())
                {
                    node[property.Name] = Sample(property.Value, depth + 1);
                }
            }

            return node;
        }

        if (types.Contains("array"))
        {
            return schema.TryGetProperty("items", out var items) ? new JsonArray(Sample(items, depth + 1)) : new JsonArray();
        }

        if (types.Contains("integer"))
        {
            return JsonValue.Create(1);
        }

        if (types.Contains("number"))
        {
            return JsonValue.Create(1.5m);
        }

        if (types.Contains("boolean"))
        {
            return JsonValue.Create(true);
        }

        return types.Contains("string") ? JsonValue.Create(SampleText(format)) : null;
    }

    /// <summary>A valid text for a path or query parameter of this schema.</summary>
    public string SampleParameter(JsonElement schema) => Sample(schema) switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        { } node => node.ToJsonString(),
        null => "x",
    };

    public JsonElement Resolve(JsonElement schema)
    {
        for (var hops = 0; schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) && hops < 16; hops++)
        {
            var target = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            schema = target;
        }

        return schema;
    }

    private List<ApiParameter> Parameters(JsonElement parameters) =>
    [
        .. parameters.EnumerateArray().Select(Resolve).Select(p => new ApiParameter(
            p.GetProperty("name").GetString()!,
            p.GetProperty("in").GetString()!,
            p.TryGetProperty("schema", out var schema) ? schema : default,
            p.TryGetProperty("required", out var required) && required.GetBoolean())),
    ];

    private static IReadOnlyList<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? []
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)]
        : [type.GetString()!];

    private static string SampleText(string? format) => format switch
    {
        "uuid" => Guid.NewGuid().ToString(),
        "date-time" => "2026-01-01T00:00:00Z",
        "date" => "2026-01-01",
        "email" => "someone@example.com",
        "uri" => "https://example.com/",
        _ => "sample",
    };
}
