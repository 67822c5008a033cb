using System.Net;
using System.Net.Sockets;
using Marketplace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Marketplace.EndToEndTests;

/// <summary>
/// The real host listening on a real socket (Kestrel on a free port) over a fresh database, an in-process SMTP server,
/// and Debian's Chromium driven by Playwright (no downloaded browser).
/// </summary>
public class BrowserAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;
    private IPlaywright? _playwright;

    public TestSmtpServer Smtp { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // A port chosen first, so the public origin (where mail links point) is the address the browser uses.
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        UseKestrel(port);
        StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
        await Smtp.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:ConnectionString", _database!.ConnectionString);
        // Mail goes out through Hangfire jobs, as in production: a small, quickly polling server.
        builder.UseSetting("BackgroundJobs:ServerEnabled", "true");
        builder.UseSetting("BackgroundJobs:WorkerCount", "2");
        builder.UseSetting("BackgroundJobs:QueuePollIntervalMs", "100");
        builder.UseSetting("Email:Host", "127.0.0.1");
        builder.UseSetting("Email:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:Security", "None");
        builder.UseSetting("PublicOrigin", BaseUrl);
    }

    /// <summary>Whether the host runs a Hangfire server (journeys whose pages wait on background work).</summary>
    protected virtual bool BackgroundServer => false;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("MARKETPLACE_CHROMIUM");
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return configured;
        }

        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Chromium is not installed: run `apt-get install -y chromium` (build/test.sh does it) or set MARKETPLACE_CHROMIUM.");
    }

    public static string ScreenshotFolder()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Marketplace.sln")))
        {
            root = root.Parent;
        }

        // Test runs write to the git-ignored tmp folder; MARKETPLACE_UPDATE_SCREENSHOTS=1 refreshes the committed ones.
        var folder = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Marketplace.sln not found."), "docs", "screenshots");
        if (Environment.GetEnvironmentVariable("MARKETPLACE_UPDATE_SCREENSHOTS") != "1")
        {
            folder = Path.Combine(folder, "tmp");
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
