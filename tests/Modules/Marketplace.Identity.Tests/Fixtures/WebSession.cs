using Marketplace.Testing;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Marketplace.Identity.Tests.Fixtures;

/// <summary>A browser-like client: keeps cookies, reads forms and posts them with their antiforgery token.</summary>
public sealed class WebSession(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        using var response = await http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {html}");
        }

        return await Parser.ParseDocumentAsync(html);
    }

    /// <summary>
    /// Loads the page and posts its form (the one posting to <paramref name="handler"/>) as a browser would: the given fields,
    /// the form's hidden fields, and its antiforgery token.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, IReadOnlyDictionary<string, string> fields, string? handler = null)
    {
        var page = await GetPageAsync(pageUrl);
        var form = page.Forms.FirstOrDefault(f => handler is null
                ? f.Action is null || !f.Action.Contains("SignOut", StringComparison.Ordinal)
                : f.Action?.Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase) == true)
            ?? throw new InvalidOperationException($"No form{(handler is null ? "" : " for " + handler)} on {pageUrl}.");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"The form on {pageUrl} has no antiforgery token.");
        var values = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        values.AddRange(form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Where(i => i.Name is { Length: > 0 } name && name != "__RequestVerificationToken" && !fields.ContainsKey(name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)));
        var action = handler is null ? pageUrl : $"{pageUrl.Split('?')[0]}?handler={handler}";
        return await http.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Opens a link from a mail and presses the page's button (confirmation links confirm only by POST); returns the page after.</summary>
    public async Task<IHtmlDocument> FollowAndConfirmAsync(string link)
    {
        using var response = await SubmitAsync(link, new Dictionary<string, string>());
        var html = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? await Parser.ParseDocumentAsync(html)
            : throw new InvalidOperationException($"Confirming {link} answered {(int)response.StatusCode}: {html}");
    }

    /// <summary>The antiforgery token of the page's first form, to post later (as a form left open in another tab).</summary>
    public async Task<string> GetFormTokenAsync(string pageUrl)
    {
        var page = await GetPageAsync(pageUrl);
        return page.Forms[0].QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"The form on {pageUrl} has no antiforgery token.");
    }

    public async Task<HttpResponseMessage> PostAsync(string url, IReadOnlyDictionary<string, string> fields, string token) =>
        await http.PostAsync(url, new FormUrlEncodedContent(new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) }));

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await SubmitAsync("/Account/SignIn", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public async Task SignInOrThrowAsync(string email, string password = IdentityAppFactory.Password)
    {
        using var response = await SignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        }
    }

    public async Task<HttpResponseMessage> SignOutAsync() =>
        await SubmitAsync("/Account/SignOut", new Dictionary<string, string>());

    public static async Task<string> TextAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    public void Dispose() => http.Dispose();
}
