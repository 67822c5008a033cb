using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.Web.Hosting;
using Npgsql;
using Respawn;
using Respawn.Graph;
using Xunit;

namespace Marketplace.Testing;

/// <summary>
/// A test class's own database and host (IClassFixture). Extra hosts on the same database stand for a restart or a
/// second server; <see cref="ResetAsync"/> empties the module schemas (Respawn) when a test needs a clean slate.
/// </summary>
public class MarketplaceFixture : IAsyncLifetime
{
    private readonly List<MarketplaceApp> _apps = [];
    private TestDatabase? _database;
    private Respawner? _respawner;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialized.");

    public MarketplaceApp App { get; private set; } = null!;

    public virtual AppOptions AppOptions => new();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        App = StartApp(AppOptions);
    }

    /// <summary>Starts another host on this class's database (migrations already applied are skipped).</summary>
    public MarketplaceApp StartApp(AppOptions options)
    {
        var app = new MarketplaceApp(Database.ConnectionString, options);
        _apps.Add(app);
        if (app.OnKestrel)
        {
            app.StartServer();
        }
        else
        {
            _ = app.Server; // starts the host: migrations, Hangfire, sweep
        }

        return app;
    }

    public async Task StopAppAsync(MarketplaceApp app)
    {
        _apps.Remove(app);
        await app.DisposeAsync();
    }

    /// <summary>Stops every host but the fixture's own, e.g. after a test that started some, passed or not.</summary>
    public async Task StopOtherAppsAsync()
    {
        foreach (var app in _apps.Where(a => a != App).ToList())
        {
            await StopAppAsync(app);
        }
    }

    /// <summary>
    /// Empties the module schemas and Hangfire's jobs (its schema version, servers and locks stay), so one test's
    /// leftovers (a scheduled retry, a waiting outbox row) cannot reach the next. Stop the hosts with servers first.
    /// </summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = [.. HostModules.All.Where(m => m.ResetBetweenTests).Select(m => m.Schema), MailDbContext.SchemaName, "hangfire"],
            TablesToIgnore =
            [
                new Table("__ef_migrations_history"),
                new Table("hangfire", "schema"),
                new Table("hangfire", "server"),
                new Table("hangfire", "lock"),
            ],
        });
        await _respawner.ResetAsync(connection);
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        _apps.Clear();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>
/// A fixture whose own host runs no Hangfire server and does not relay after commit: background work happens only when
/// a test runs it (or starts a host with a server), so tests can stage crashes and races.
/// </summary>
public sealed class ManualBackgroundWorkFixture : MarketplaceFixture
{
    public override AppOptions AppOptions => new() { BackgroundServer = false, RelayAfterCommit = false };
}
