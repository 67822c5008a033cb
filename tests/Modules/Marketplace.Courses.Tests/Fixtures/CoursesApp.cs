using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Courses.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Courses.Tests.Fixtures;

/// <summary>One host and database for the module's HTTP test classes; each test makes its own people and courses.</summary>
[CollectionDefinition(Name)]
public sealed class CoursesCollection : ICollectionFixture<CoursesFixture>
{
    public const string Name = "courses";
}

/// <summary>The real host with the Hangfire server on; many sign-ins from one address, so sign-in is not rate limited.</summary>
public sealed class CoursesFixture : MarketplaceFixture
{
    public override AppOptions AppOptions => new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Identity:RateLimits:SignInPerWindow"] = "100000",
            ["Identity:RateLimits:TokenPerWindow"] = "100000",
        },
    };
}

/// <summary>Someone signed in through the sign-in form: a cookie session that loads pages and posts their forms.</summary>
public sealed partial class Visitor(MarketplaceApp app, Guid id, HttpClient browser) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public Guid Id { get; } = id;

    public HttpClient Browser { get; } = browser;

    public static async Task<Visitor> SignInAsync(MarketplaceApp app, string role)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@example.com";
        var id = await app.CreateAccountAsync(email, role);
        var browser = ApiAccess.Browser(app);
        await ApiAccess.SignInAsync(browser, email);
        return new Visitor(app, id, browser);
    }

    public async Task<IHtmlDocument> PageAsync(string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await Browser.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, $"GET {url}: {html[..Math.Min(html.Length, 400)]}");
        return Parser.ParseDocument(html);
    }

    /// <summary>Posts the form fields with the page's antiforgery token to the page's handler.</summary>
    public async Task<HttpResponseMessage> PostAsync(string page, string? handler, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null)
    {
        var html = await Browser.GetStringAsync(tokenFrom ?? page);
        var values = fields.Append(new("__RequestVerificationToken", Token().Match(html).Groups[1].Value));
        return await Browser.PostAsync(handler is null ? page : $"{page}?handler={handler}", new FormUrlEncodedContent(values));
    }

    public async Task<HttpResponseMessage> UploadAsync(string source, string fileName, byte[] content)
    {
        var html = await Browser.GetStringAsync("/Admin/Courses/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(html).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(source), "Source" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await Browser.PostAsync("/Admin/Courses/Import", form);
    }

    /// <summary>A bearer token for the seeker's own profile, to save it through the API.</summary>
    public async Task SaveProfileAsync(object profile)
    {
        var token = await app.AuthorizationCodeTokenAsync(Browser, "openid profile:me");
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var saved = await api.PutAsJsonAsync("/api/v1/me/profile", profile);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) => Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public void Dispose() => Browser.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public static class CoursesAppExtensions
{
    /// <summary>Posts to a course's enrolment handler with the token of the course's page, as its forms do.</summary>
    public static Task<HttpResponseMessage> EnrolmentAsync(this Visitor seeker, Guid course, string handler, params KeyValuePair<string, string>[] fields) =>
        seeker.PostAsync($"/Courses/{course}/Enrolment", handler, fields, tokenFrom: $"/Courses/{course}");

    public static Task<T> WithCoursesDbAsync<T>(this MarketplaceApp app, Func<CoursesDbContext, Task<T>> query) =>
        app.InScopeAsync(services => query(services.GetRequiredService<CoursesDbContext>()));

    /// <summary>A course as the admin form adds it; answers its id (from the redirect to its page).</summary>
    public static async Task<Guid> AddCourseAsync(this Visitor admin, string title, string skills, string duration = "10 hours", string price = "49", string provider = "Northwind Academy", string level = "Beginner")
    {
        using var response = await admin.PostAsync("/Admin/Courses/Edit", null, new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Provider"] = provider,
            ["Input.Link"] = $"https://{provider.Replace(' ', '-').ToLowerInvariant()}.example/{Guid.NewGuid():N}",
            ["Input.Format"] = "SelfPaced",
            ["Input.Level"] = level,
            ["Input.Duration"] = duration,
            ["Input.Price"] = price,
            ["Input.Currency"] = "USD",
            ["Input.Language"] = "en",
            ["Input.Skills"] = skills,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    /// <summary>The posting's plan once matching has taken in the seeker's profile (it reads the change feed every 250 ms).</summary>
    public static async Task<IHtmlDocument> ReadyPlanAsync(this Visitor seeker, Guid posting)
    {
        IHtmlDocument page = null!;
        await Eventually.TrueAsync(async () =>
        {
            page = await seeker.PageAsync($"/Jobs/{posting}/Plan");
            return page.QuerySelector("[data-testid=catching-up]") is null;
        }, () => $"the plan for {posting} to be ready");
        return page;
    }

    /// <summary>The posting's score on the seeker's /Matches page, once it satisfies <paramref name="expected"/>.</summary>
    public static async Task<double> MatchScoreAsync(this Visitor seeker, Guid posting, Func<double, bool> expected)
    {
        double? score = null;
        await Eventually.TrueAsync(async () =>
        {
            var page = await seeker.PageAsync("/Matches");
            var text = page.QuerySelector($"[data-testid=match][data-posting-id='{posting}'] [data-testid=score]")?.TextContent;
            score = text is null ? null : double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            return score is { } s && expected(s);
        }, () => $"the score of {posting} on /Matches (last seen: {score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not listed"})");
        return score!.Value;
    }

    public static Task<Visitor> AdminAsync(this MarketplaceApp app) => Visitor.SignInAsync(app, Roles.Admin);

    public static Task<Visitor> SeekerAsync(this MarketplaceApp app) => Visitor.SignInAsync(app, Roles.JobSeeker);
}

/// <summary>Polls a condition with a bound (background work ends when it ends: no fixed sleeps).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, Func<string> what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException($"Waited {(within ?? TimeSpan.FromSeconds(30)).TotalSeconds:0} s for {what()}.");
            }

            await Task.Delay(100);
        }
    }
}
