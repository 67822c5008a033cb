using System.Reflection;

namespace Marketplace.Identity.Tests.Authorization;

public enum Outcome
{
    /// <summary>Let through: any answer but 401, 403, a redirect to sign-in, a refused form (400) or a 5xx.</summary>
    Allowed,

    /// <summary>401, or a redirect to the sign-in page.</summary>
    SignIn,
    Forbidden,

    /// <summary>404 for a resource that exists but is another tenant's: the app does not say it exists.</summary>
    NotFound,

    /// <summary>A page's form post refused with 400: no valid antiforgery token.</summary>
    Refused,

    /// <summary>Any 5xx: never expected, always a failure.</summary>
    ServerError,
}

/// <summary>How a probe authenticates: the persona's cookie session (pages) or bearer token (API).</summary>
public enum Credential
{
    Cookie,
    Bearer,
}

/// <summary>
/// One request for a route, and what each persona gets, in the order of <see cref="AuthorizationMatrix.Personas"/>:
/// anonymous, job seeker, second job seeker, employer, second employer, admin. In the URL, form and JSON, "{posting}"
/// stands for a posting the employer published and "{company}" for the employer's company; "{posting-edit}" is a valid
/// edit of that posting.
/// </summary>
public sealed record Probe(string Method, string Url, Credential Credential, Outcome[] Expected, string? Json = null)
{
    /// <summary>Fields a page's form post sends besides its antiforgery token (none by default: an empty form).</summary>
    public IReadOnlyDictionary<string, string>? Form { get; init; }

    /// <summary>The post ends the persona's session (signing in or out): the test signs them in again after it.</summary>
    public bool EndsSession { get; init; }

    /// <summary>
    /// The post takes no antiforgery token by design: RFC 8058's one-click unsubscribe, where the signed link is the proof
    /// and there is no session to ride on. Without a token it is answered as with one.
    /// </summary>
    public bool WithoutAntiforgery { get; init; }

    /// <summary>Personas (by index) whose data this answer may show to the others, e.g. applicants to their employer.</summary>
    public int[] MayShowDataOf { get; init; } = [];
}

/// <summary>The entries of one module (or the host), keyed as <see cref="EndpointInventory"/> names routes.</summary>
public sealed class Routes : Dictionary<string, Probe>;

/// <summary>
/// Every route and every page form handler of the app, with what each persona gets. Each module keeps its entries in its
/// own file (AuthorizationMatrix.&lt;Module&gt;.cs, a static field of type <see cref="Routes"/>); a new file is found by
/// itself. The tests fail on a route or handler without an entry, and print the entry to add.
/// </summary>
public static partial class AuthorizationMatrix
{
    public const Outcome A = Outcome.Allowed;
    public const Outcome S = Outcome.SignIn;
    public const Outcome F = Outcome.Forbidden;
    public const Outcome N = Outcome.NotFound;
    public const Outcome R = Outcome.Refused;

    public static readonly string[] Personas = ["anonymous", "job seeker", "second job seeker", "employer", "second employer", "admin"];

    public const int Admin = 5;

    // Properties, not fields: the partial files' static fields initialize in no fixed order.
    public static Outcome[] Everyone => [A, A, A, A, A, A];

    public static Outcome[] SignedIn => [S, A, A, A, A, A];

    public static Outcome[] EmployersOnly => [S, F, F, A, A, F];

    public static Outcome[] AdminsOnly => [S, F, F, F, F, A];

    private static readonly Lazy<Dictionary<string, Probe>> All = new(Collect);

    /// <summary>Every module's entries, read on first use (after every partial file's fields are set).</summary>
    public static IReadOnlyDictionary<string, Probe> Entries => All.Value;

    private static Dictionary<string, Probe> Collect()
    {
        var entries = new Dictionary<string, Probe>(StringComparer.Ordinal);
        foreach (var field in typeof(AuthorizationMatrix).GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                     .Where(f => f.FieldType == typeof(Routes)))
        {
            foreach (var (route, probe) in (Routes)field.GetValue(null)!)
            {
                if (!entries.TryAdd(route, probe))
                {
                    throw new InvalidOperationException($"The authorization matrix has two entries for \"{route}\" (one in {field.Name}).");
                }

                if (probe.Expected.Length != Personas.Length)
                {
                    throw new InvalidOperationException($"\"{route}\" in {field.Name} names {probe.Expected.Length} outcomes; give one per persona: {string.Join(", ", Personas)}.");
                }
            }
        }

        return entries;
    }

    /// <summary>The line to paste into a module's matrix file for a route that has none, with a guess to review.</summary>
    public static string Suggestion(string route)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var (kind, pattern) = (route[..space], route[(space + 1)..]);
        return kind switch
        {
            "PAGE" when pattern.StartsWith("POST ", StringComparison.Ordinal) =>
                $"[\"{route}\"] = new(\"POST\", \"{pattern[5..]}\", Credential.Cookie, SignedIn),",
            "PAGE" => $"[\"{route}\"] = new(\"GET\", \"{pattern}\", Credential.Cookie, SignedIn),",
            _ => $"[\"{route}\"] = new(\"{(kind == "ANY" ? "GET" : kind)}\", \"{pattern}\", {(pattern.StartsWith("/api/", StringComparison.Ordinal) ? "Credential.Bearer" : "Credential.Cookie")}, SignedIn),",
        };
    }
}
