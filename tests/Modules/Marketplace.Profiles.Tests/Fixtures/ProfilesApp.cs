using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Profiles.Contracts;
using Marketplace.Profiles.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Profiles.Tests.Fixtures;

/// <summary>One host and database for every HTTP test class of the module; each test makes its own seekers.</summary>
[CollectionDefinition(Name)]
public sealed class ProfilesCollection : ICollectionFixture<ProfilesFixture>
{
    public const string Name = "profiles";
}

/// <summary>The real host, with the Hangfire server on; the tests sign in many people from one address, so sign-in is not rate limited.</summary>
public sealed class ProfilesFixture : MarketplaceFixture
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

/// <summary>A person signed in through the sign-in form, who can also hold an API token of the app client.</summary>
public sealed class Person(MarketplaceApp app, Guid id, string email, HttpClient browser) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public Guid Id { get; } = id;

    public string Email { get; } = email;

    /// <summary>Cookies kept, redirects not followed.</summary>
    public HttpClient Browser { get; } = browser;

    public static async Task<Person> SignInAsync(MarketplaceApp app, string role = Roles.JobSeeker, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@example.com";
        var id = await app.CreateAccountAsync(email, role);
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await ApiAccess.SignInAsync(browser, email);
        return new Person(app, id, email, browser);
    }

    /// <summary>A client whose requests carry this person's access token with the given scopes.</summary>
    public async Task<HttpClient> ApiAsync(string scope = "openid " + ProfileApi.Scope)
    {
        var token = await app.AuthorizationCodeTokenAsync(Browser, scope);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<IHtmlDocument> PageAsync(string url)
    {
        using var response = await Browser.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {html[..Math.Min(html.Length, 500)]}");
        return Parser.ParseDocument(html);
    }

    /// <summary>Submits the page's form whose handler is <paramref name="handler"/>, as a browser would: its fields as rendered, changed by <paramref name="changes"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string handler, IDictionary<string, string?>? changes = null, string? button = null)
    {
        var form = page.Forms.FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form with handler {handler} on the page.");
        var fields = FormFields(form);
        foreach (var (name, value) in changes ?? new Dictionary<string, string?>())
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        if (button is not null)
        {
            var (name, value) = (button.Split('=')[0], button.Split('=', 2)[1]);
            fields.Add(new(name, value));
        }

        return await Browser.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    /// <summary>Submits the page's upload form with a file in its "Upload" field, as multipart form data.</summary>
    public async Task<HttpResponseMessage> UploadAsync(IHtmlDocument page, string handler, string fileName, byte[] content)
    {
        var form = page.Forms.First(f => (f.GetAttribute("action") ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase));
        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in FormFields(form))
        {
            multipart.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        multipart.Add(file, "Upload", fileName);
        return await Browser.PostAsync(form.GetAttribute("action"), multipart);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>The successful fields of a form: inputs (checked boxes only), selects' chosen options, textareas; no buttons.</summary>
    public static List<KeyValuePair<string, string>> FormFields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    fields.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlInputElement { Type: not ("checkbox" or "radio" or "submit" or "button" or "file") } input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.SelectedOptions.FirstOrDefault()?.Value ?? select.Options.FirstOrDefault()?.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
            }
        }

        return fields;
    }

    public void Dispose() => Browser.Dispose();
}

public static class ProfilesAppExtensions
{
    public static Task<T> WithProfilesDbAsync<T>(this MarketplaceApp app, Func<ProfilesDbContext, Task<T>> query) =>
        app.InScopeAsync(services => query(services.GetRequiredService<ProfilesDbContext>()));

    /// <summary>The module's outbox events of one type, oldest first.</summary>
    public static Task<List<T>> ProfilesOutboxAsync<T>(this MarketplaceApp app) => app.WithProfilesDbAsync(async db =>
    {
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Type.Contains(typeof(T).Name)).OrderBy(m => m.OccurredAt).ToListAsync();
        return rows.Select(r => JsonSerializer.Deserialize<T>(r.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!).ToList();
    });
}
