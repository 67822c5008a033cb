using System.Diagnostics;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// A fresh PostgreSQL database for one test class, created on the server MARKETPLACE_DB points at (build/test.sh exports
/// it; without it, build/db.sh is started) under a unique name, and dropped at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly Lazy<string> Server = new(FindServer);

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var name = $"mp_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(Server.Value))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(Server.Value) { Database = name };
        return new TestDatabase(name, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server.Value);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        // A backend that is still starting (a host stopped mid start-up) has no role yet, and terminating it is refused
        // for a non-superuser; it is gone a moment later.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (attempt < 10 && e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }

    private static string FindServer()
    {
        if (Environment.GetEnvironmentVariable("MARKETPLACE_DB") is { Length: > 0 } configured)
        {
            return configured;
        }

        var script = Repository.Root is { } root ? Path.Combine(root, "build", "db.sh") : null;
        if (script is null || !File.Exists(script))
        {
            throw new InvalidOperationException("Set MARKETPLACE_DB to a PostgreSQL connection string, or run the tests from the repository (build/db.sh starts one).");
        }

        using var process = Process.Start(new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0 || output.Length == 0)
        {
            throw new InvalidOperationException($"build/db.sh start failed (exit {process.ExitCode}): {errors.Result.Trim()} Or set MARKETPLACE_DB.");
        }

        return output.Split('\n')[^1];
    }
}
