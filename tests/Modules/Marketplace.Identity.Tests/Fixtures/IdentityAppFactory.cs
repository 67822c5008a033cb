using Marketplace.Testing;
using System.Text.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Identity.Tests.Fixtures;

/// <summary>
/// The real host over a fresh database per test class, with an in-process SMTP server, HTTPS-only cookies (the client
/// talks to https://localhost) and generous rate limits unless a test class lowers them.
/// </summary>
public class IdentityAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct horse battery staple 42";

    private TestDatabase? _database;

    public TestSmtpServer Smtp { get; } = new();

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The database is created in InitializeAsync.");

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string Environment => "Development";

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = Database.ConnectionString,
            ["BackgroundJobs:ServerEnabled"] = "false",
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Security"] = "None",
            ["Identity:RequireHttps"] = "true",
            ["PublicOrigin"] = "https://localhost",
            ["Identity:RateLimits:SignInPerWindow"] = "1000",
            ["Identity:RateLimits:SignUpPerWindow"] = "1000",
            ["Identity:RateLimits:PasswordResetPerWindow"] = "1000",
            ["Identity:RateLimits:TokenPerWindow"] = "1000",
            ["Identity:RateLimits:AccountPasswordPerWindow"] = "1000",
            ["Identity:PublicClientRedirectUris:0"] = "https://app.example.test/callback",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (settings["BackgroundJobs:ServerEnabled"] == "false")
            {
                services.Replace(ServiceDescriptor.Scoped<IMailSendTrigger, SendMailAtOnce>());
            }

            ConfigureServices(services);
        });
    }

    /// <summary>Service swaps of a test class's host (a clock, a failing mail sender), applied after the app's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public WebSession CreateSession() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

    /// <summary>A confirmed account, created directly (the sign-up flow has its own tests).</summary>
    public Task<Guid> CreateUserAsync(string email, string role, string password = Password, bool confirmed = true) =>
        this.CreateAccountAsync(email, role, password, confirmed);

    /// <summary>The events the identity module wrote to its outbox, of one type, deserialized.</summary>
    public async Task<IReadOnlyList<T>> OutboxAsync<T>()
    {
        var name = IntegrationEventAttribute.NameOf(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is no integration event.");
        var rows = await WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Type == name).Select(m => m.Payload).ToListAsync());
        return [.. rows.Select(r => JsonSerializer.Deserialize<T>(r, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)];
    }

    public async Task<T> WithDbAsync<T>(Func<IdentityModuleDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>());
    }
}
