using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Applications;

/// <summary>One host with its background server (mail goes out, events travel) and an SMTP server, for the applications' tests.</summary>
public sealed class ApplicationsFixture : MarketplaceFixture
{
    public const string EmployerEmail = "api.employer@example.com";

    public TestSmtpServer Smtp { get; } = new();

    public override AppOptions AppOptions => new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Security"] = "None",
            ["Identity:RateLimits:TokenPerWindow"] = "100000",
            ["Identity:RateLimits:SignInPerWindow"] = "100000",
        },
    };

    /// <summary>The host's test employer's API client (every scope), whose postings the tests apply to.</summary>
    public HttpClient Employer => _employer ??= App.CreateEmployerClient();

    private HttpClient? _employer;

    public async Task<Guid> PublishAsync(string title = "Senior Go engineer")
    {
        var request = PostingRequests.Valid(["Go", "PostgreSQL"], ["Kafka"], company: "Northwind");
        request["title"] = title;
        return (await Employer.PublishAsync(request)).GetProperty("id").GetGuid();
    }

    /// <summary>A confirmed job seeker signed in on a cookie browser, with a bearer client for their profile.</summary>
    public async Task<Seeker> SeekerAsync(string email, string? displayName = "Ada Example")
    {
        var id = await App.CreateAccountAsync(email, Roles.JobSeeker);
        var browser = ApiAccess.Browser(App);
        await ApiAccess.SignInAsync(browser, email);
        var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.AuthorizationCodeTokenAsync(browser, "openid profile:me"));
        if (displayName is not null)
        {
            var saved = await api.PutAsJsonAsync("/api/v1/me/profile", new
            {
                version = 0,
                displayName,
                headline = "Backend engineer",
                skills = new object[] { new { name = "postgres", level = 4, years = 6 }, new { skillId = "go", level = 5, years = 5 } },
            });
            saved.EnsureSuccessStatusCode();
        }

        return new Seeker(id, email, browser, api);
    }

    public async Task<HttpClient> EmployerBrowserAsync(string email = EmployerEmail)
    {
        await App.CreateAccountAsync(email, Roles.Employer);
        var browser = ApiAccess.Browser(App);
        await ApiAccess.SignInAsync(browser, email);
        return browser;
    }

    public async Task<JsonElement> PipelineAsync(Guid postingId, HttpClient? client = null)
    {
        var response = await (client ?? Employer).GetAsync($"/api/v1/postings/{postingId}/applications");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<T> WithJobsDbAsync<T>(Func<JobsDbContext, Task<T>> query) =>
        App.InScopeAsync(services => query(services.GetRequiredService<JobsDbContext>()));

    /// <summary>The event types in the Jobs outbox for an application, oldest first.</summary>
    public async Task<IReadOnlyList<string>> EventsAboutAsync(Guid applicationId)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT type FROM jobs.outbox_messages WHERE payload::text LIKE @id ORDER BY occurred_at, id", connection);
        command.Parameters.AddWithValue("id", $"%{applicationId}%");
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0).Split(',')[0].Split('.')[^1]);
        }

        return types;
    }

    /// <summary>Waits, within a bound, until <paramref name="to"/> has received <paramref name="count"/> messages.</summary>
    public async Task<IReadOnlyList<MimeKit.MimeMessage>> MailsToAsync(string to, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Smtp.CountTo(to) < count)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"{to} got {Smtp.CountTo(to)} of {count} mails within 60 s");
            await Task.Delay(100);
        }

        await App.WaitForBackgroundWorkAsync();
        return [.. Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)))];
    }

    public Task<bool> AnyApplicationAsync(Func<Domain.Applications.JobApplication, bool> where) =>
        WithJobsDbAsync(async db => (await db.Applications.AsNoTracking().ToListAsync()).Any(where));
}

public sealed record Seeker(Guid Id, string Email, HttpClient Browser, HttpClient Api) : IDisposable
{
    public void Dispose()
    {
        Browser.Dispose();
        Api.Dispose();
    }
}
