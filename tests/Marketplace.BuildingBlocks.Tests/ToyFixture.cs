using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.BuildingBlocks.Tests.Toys.Notes;
using Marketplace.BuildingBlocks.Tests.Toys.Tallies;
using Marketplace.Testing;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace Marketplace.BuildingBlocks.Tests;

/// <summary>A test class's own database, the toy hosts a test starts on it (stopped after each test), and a clean slate before each.</summary>
public class ToyFixture : IAsyncLifetime
{
    private readonly List<ToyHost> _hosts = [];
    private TestDatabase? _database;
    private Respawner? _respawner;

    public string ConnectionString => (_database ?? throw new InvalidOperationException("Not initialized.")).ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // One host creates the schemas, so that the first reset has tables to empty.
        await using var first = await ToyHost.StartAsync(ConnectionString, new ToyHostOptions { BackgroundServer = false });
    }

    public async Task<ToyHost> StartAsync(ToyHostOptions? options = null)
    {
        var host = await ToyHost.StartAsync(ConnectionString, options);
        _hosts.Add(host);
        return host;
    }

    public async Task StopAsync(ToyHost host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
    }

    /// <summary>Stops every host, then empties the toy and mail schemas and Hangfire's jobs (its schema version, servers and locks stay).</summary>
    public async Task ResetAsync()
    {
        foreach (var host in _hosts.ToList())
        {
            await StopAsync(host);
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = [NotesDbContext.SchemaName, TalliesDbContext.SchemaName, MailDbContext.SchemaName, "hangfire"],
            TablesToIgnore = [new Table("__ef_migrations_history"), new Table("hangfire", "schema"), new Table("hangfire", "server"), new Table("hangfire", "lock")],
        });
        await _respawner.ResetAsync(connection);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        _hosts.Clear();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
