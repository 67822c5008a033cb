using System.Text;
using System.Text.Json.Nodes;

namespace Marketplace.Web.Tests.Fuzzing;

/// <summary>One request the fuzzer sends, and what was wrong with it (for the report).</summary>
public sealed record FuzzRequest(string Kind, HttpMethod Method, string Url, byte[]? Body = null, string? ContentType = null, string? Authorization = null, string? Accept = null)
{
    public HttpRequestMessage ToMessage(string token)
    {
        var message = new HttpRequestMessage(Method, Url);
        message.Headers.TryAddWithoutValidation("Authorization", Authorization ?? "Bearer " + token);
        if (Accept is not null)
        {
            message.Headers.TryAddWithoutValidation("Accept", Accept);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : " " + Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
        return $"{Kind}: {Method} {(Url.Length > 300 ? Url[..300] + "…" : Url)}{body}";
    }
}

/// <summary>
/// What a well-formed request of an operation looks like, where the schema alone cannot tell: a body the validators
/// accept, or the id of something that exists. Operations without one get a body and parameters built from the schema.
/// </summary>
public sealed record Seed(JsonNode? Body = null, IReadOnlyDictionary<string, string>? Path = null, IReadOnlyDictionary<string, string>? Query = null);

/// <summary>
/// Malformed requests for an operation, from its OpenAPI description: every field and parameter in turn set to values
/// of the wrong type, null, overflowing, huge or hostile; broken and deeply nested JSON; wrong content types; bodies over
/// the limit; malformed authorization headers; then random combinations (seeded, so a run repeats).
/// </summary>
public sealed class MalformedRequests(ApiDescription api, int seed)
{
    private const string LoneSurrogate = "@@lone-surrogate@@";

    private static readonly (string Name, Func<JsonNode?> Value)[] WrongValues =
    [
        ("null", () => null),
        ("true", () => JsonValue.Create(true)),
        ("zero", () => JsonValue.Create(0)),
        ("negative", () => JsonValue.Create(-1)),
        ("fraction", () => JsonValue.Create(1.5)),
        ("int max", () => JsonValue.Create(int.MaxValue)),
        ("int min", () => JsonValue.Create(int.MinValue)),
        ("beyond int", () => JsonValue.Create(2_147_483_648L)),
        ("long max", () => JsonValue.Create(long.MaxValue)),
        ("beyond long", () => JsonNode.Parse("92233720368547758070")),
        ("beyond decimal", () => JsonNode.Parse("792281625142643375935439503360000")),
        ("beyond double", () => JsonNode.Parse("1e400")),
        ("below double", () => JsonNode.Parse("-1e400")),
        ("tiny", () => JsonNode.Parse("1e-400")),
        ("big decimal", () => JsonNode.Parse("79228162514264337593543950335")),
        ("empty text", () => JsonValue.Create("")),
        ("blank text", () => JsonValue.Create("   ")),
        ("number as text", () => JsonValue.Create("12")),
        ("overflow as text", () => JsonValue.Create("99999999999999999999999")),
        ("text", () => JsonValue.Create("not a value")),
        ("huge text", () => JsonValue.Create(new string('x', 100_000))),
        ("NUL", () => JsonValue.Create("a\u0000b")),
        ("lone surrogate", () => JsonValue.Create(LoneSurrogate)),
        ("control characters", () => JsonValue.Create("\u0001\u0008\u001f\u007f")),
        ("markup", () => JsonValue.Create("<script>alert(1)</script>")),
        ("sql", () => JsonValue.Create("' OR 1=1; DROP TABLE jobs.postings; --")),
        ("emoji and marks", () => JsonValue.Create("🧑‍💻 e\u0301 \u202Eevil")),
        ("empty array", () => new JsonArray()),
        ("array of null", () => new JsonArray((JsonNode?)null)),
        ("nested arrays", () => JsonNode.Parse("[[[[]]]]")),
        ("empty object", () => new JsonObject()),
        ("object", () => new JsonObject { ["unexpected"] = 1 }),
    ];

    private static readonly (string Name, string Value)[] WrongParameters =
    [
        ("empty", ""),
        ("text", "abc"),
        ("negative", "-1"),
        ("zero", "0"),
        ("int max", "2147483647"),
        ("int min", "-2147483648"),
        ("beyond int", "2147483648"),
        ("below int", "-2147483649"),
        ("beyond long", "99999999999999999999"),
        ("exponent", "1e3"),
        ("fraction", "1.5"),
        ("hex", "0x10"),
        ("padded", "%201%20"),
        ("NUL", "a%00b"),
        ("invalid UTF-8", "%FF%FE"),
        ("encoded surrogate", "%ED%A0%80"),
        ("huge", new string('x', 6_000)),
        ("markup", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        ("sql", "'%20OR%201%3D1--"),
        ("null word", "null"),
        ("json", "%7B%22a%22%3A1%7D"),
        ("zero guid", "00000000-0000-0000-0000-000000000000"),
        ("guid without dashes", Guid.NewGuid().ToString("N")),
        ("guid in braces", Guid.NewGuid().ToString("B")),
        ("traversal", "..%2F..%2Fetc%2Fpasswd"),
    ];

    private static readonly string?[] WrongContentTypes =
    [
        null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=latin1", "application/json; charset=utf-16", "application/octet-stream", "*/*", "application/json;;;",
    ];

    private static readonly (string Name, string Body)[] BrokenJson =
    [
        ("empty", ""),
        ("open object", "{"),
        ("open array", "["),
        ("unterminated string", "{\"title\":\"abc"),
        ("missing value", "{\"title\":}"),
        ("trailing comma", "{\"title\":\"a\",}"),
        ("single quotes", "{'title':'a'}"),
        ("comment", "{/* note */\"title\":\"a\"}"),
        ("bare word", "nul"),
        ("garbage after", "{}}"),
        ("NaN", "{\"title\":NaN}"),
        ("duplicate keys", "{\"title\":\"a\",\"title\":\"b\"}"),
        ("null", "null"),
        ("true", "true"),
        ("number", "42"),
        ("string", "\"text\""),
        ("array", "[]"),
        ("array of objects", "[{},{}]"),
        ("deep arrays", new string('[', 5_000) + new string(']', 5_000)),
        ("deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)),
    ];

    public IEnumerable<FuzzRequest> For(ApiOperation operation, Seed? known)
    {
        var path = operation.InPath.ToDictionary(p => p.Name, p => known?.Path?.GetValueOrDefault(p.Name) ?? Uri.EscapeDataString(api.SampleParameter(p.Schema)));
        var query = known?.Query?.ToDictionary() ?? operation.InQuery.Where(p => p.Required).ToDictionary(p => p.Name, p => Uri.EscapeDataString(api.SampleParameter(p.Schema)));
        var body = operation.BodySchema is { } schema ? known?.Body?.DeepClone() ?? api.Sample(schema) ?? new JsonObject() : null;
        var method = new HttpMethod(operation.Method);
        FuzzRequest Request(string kind, IReadOnlyDictionary<string, string>? p = null, IReadOnlyDictionary<string, string>? q = null, byte[]? b = null,
            string? contentType = "application/json", string? authorization = null, string? accept = null) =>
            new(kind, method, Url(operation.PathTemplate, p ?? path, q ?? query), b ?? (body is null ? null : Json(body)), body is null && b is null ? null : contentType, authorization, accept);

        yield return Request("well-formed");

        foreach (var parameter in operation.InPath)
        {
            foreach (var (name, value) in WrongParameters.Where(w => w.Value.Length > 0))
            {
                yield return Request($"path {parameter.Name}: {name}", p: With(path, parameter.Name, value));
            }
        }

        foreach (var parameter in operation.InQuery)
        {
            foreach (var (name, value) in WrongParameters)
            {
                yield return Request($"query {parameter.Name}: {name}", q: With(query, parameter.Name, value));
            }

            yield return Request($"query {parameter.Name}: twice", q: With(query, parameter.Name, "1&" + parameter.Name + "=2"));
            yield return Request($"query {parameter.Name}: as array", q: With(query, parameter.Name + "%5B%5D", "1"));
        }

        if (operation.InQuery.Any())
        {
            foreach (var (name, value) in new[] { ("all int max", "2147483647"), ("all int min", "-2147483648"), ("all huge", new string('9', 400)) })
            {
                yield return Request($"query: {name}", q: operation.InQuery.ToDictionary(p => p.Name, _ => value));
            }
        }

        yield return Request("query: unknown parameters", q: With(query, "unexpected", "1&%00=%00&=&&"));
        yield return Request("authorization: empty bearer", authorization: "Bearer");
        yield return Request("authorization: garbage bearer", authorization: "Bearer not-a-token");
        yield return Request("authorization: huge bearer", authorization: "Bearer " + new string('a', 16_000));
        yield return Request("authorization: basic", authorization: "Basic Zm9vOmJhcg==");
        yield return Request("authorization: unknown scheme", authorization: "Negotiate xyz");
        yield return Request("accept: xml", accept: "application/xml");
        yield return Request("accept: malformed", accept: "*/*;q=abc;;");

        if (body is null)
        {
            yield break;
        }

        foreach (var contentType in WrongContentTypes)
        {
            yield return Request($"content type: {contentType ?? "none"}", contentType: contentType);
        }

        foreach (var (name, text) in BrokenJson)
        {
            yield return Request($"json: {name}", b: Encoding.UTF8.GetBytes(text));
        }

        yield return Request("json: byte order mark", b: [0xEF, 0xBB, 0xBF, .. Json(body)]);
        yield return Request("json: invalid UTF-8", b: [(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        yield return Request("json: NUL byte", b: [.. Json(body)[..^1], 0, (byte)'}']);
        yield return Request("json: over the body limit", b: Encoding.UTF8.GetBytes("{\"padding\":\"" + new string('x', 600_000) + "\"}"));

        foreach (var (location, _) in Paths(body))
        {
            foreach (var (name, value) in WrongValues)
            {
                yield return Request($"body {location}: {name}", b: Json(Replace(body, location, value())));
            }

            if (location.Length > 0)
            {
                yield return Request($"body {location}: missing", b: Json(Remove(body, location)));
            }
        }

        foreach (var (location, node) in Paths(body).Where(p => p.Node is JsonArray { Count: > 0 }))
        {
            var item = ((JsonArray)node!)[0];
            yield return Request($"body {location}: 2,000 items", b: Json(Replace(body, location, new JsonArray([.. Enumerable.Range(0, 2_000).Select(_ => item?.DeepClone())]))));
        }

        var random = new Random(seed);
        var locations = Paths(body).Select(p => p.Location).ToList();
        for (var i = 0; i < 60 && locations.Count > 0; i++)
        {
            var mutated = body.DeepClone();
            var changes = new List<string>();
            for (var j = 0; j < 3; j++)
            {
                var location = locations[random.Next(locations.Count)];
                var (name, value) = WrongValues[random.Next(WrongValues.Length)];
                if (Find(mutated, location) is not null || location.Length == 0)
                {
                    mutated = Replace(mutated, location, value());
                    changes.Add($"{location}: {name}");
                }
            }

            yield return Request($"body combination {string.Join(", ", changes)}", b: Json(mutated));
        }
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> values, string key, string value) =>
        new(values) { [key] = value };

    private static string Url(string template, IReadOnlyDictionary<string, string> path, IReadOnlyDictionary<string, string> query)
    {
        var url = path.Aggregate(template, (current, p) => current.Replace("{" + p.Key + "}", p.Value, StringComparison.Ordinal));
        return query.Count == 0 ? url : url + "?" + string.Join('&', query.Select(q => $"{q.Key}={q.Value}"));
    }

    private static byte[] Json(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return Encoding.UTF8.GetBytes(text.Replace("\"" + LoneSurrogate + "\"", "\"\\ud800x\"", StringComparison.Ordinal));
    }

    /// <summary>Every value in the document with its location ("" for the root, "salary.min", "requiredSkills[0].skillId").</summary>
    private static IEnumerable<(string Location, JsonNode? Node)> Paths(JsonNode? node, string location = "")
    {
        yield return (location, node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    foreach (var inner in Paths(value, location.Length == 0 ? key : $"{location}.{key}"))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray { Count: > 0 } array:
                foreach (var inner in Paths(array[0], $"{location}[0]"))
                {
                    yield return inner;
                }

                break;
        }
    }

    private static JsonNode? Find(JsonNode? root, string location) =>
        Paths(root).FirstOrDefault(p => p.Location == location).Node;

    private static JsonNode? Replace(JsonNode? root, string location, JsonNode? value)
    {
        if (location.Length == 0)
        {
            return value;
        }

        var copy = root!.DeepClone();
        var (parent, key, index) = Parent(copy, location);
        if (parent is JsonObject obj)
        {
            obj[key!] = value;
        }
        else if (parent is JsonArray array && index < array.Count)
        {
            array[index] = value;
        }

        return copy;
    }

    private static JsonNode? Remove(JsonNode? root, string location)
    {
        if (location.Length == 0)
        {
            return null;
        }

        var copy = root!.DeepClone();
        var (parent, key, index) = Parent(copy, location);
        if (parent is JsonObject obj)
        {
            obj.Remove(key!);
        }
        else if (parent is JsonArray array && index < array.Count)
        {
            array.RemoveAt(index);
        }

        return copy;
    }

    private static (JsonNode? Parent, string? Key, int Index) Parent(JsonNode root, string location)
    {
        if (location.EndsWith("[0]", StringComparison.Ordinal))
        {
            return (Find(root, location[..^3]), null, 0);
        }

        var dot = location.LastIndexOf('.');
        return dot < 0 ? (root, location, -1) : (Find(root, location[..dot]), location[(dot + 1)..], -1);
    }
}
