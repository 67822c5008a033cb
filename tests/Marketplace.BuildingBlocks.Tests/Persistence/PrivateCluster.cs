using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Marketplace.BuildingBlocks.Tests.Persistence;

/// <summary>
/// A PostgreSQL cluster of a test's own, on a random free port between 56000 and 59000 in a temporary folder, so the test
/// may restart it (never the shared server). Debian's binaries; initdb and pg_ctl run as postgres when the tests run as root.
/// </summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;

    private PrivateCluster(string bin, string root, int port)
    {
        _bin = bin;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    private string Data => Path.Combine(_root, "data");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Timeout=5;Include Error Detail=true";

    public static async Task<PrivateCluster> StartAsync(string database)
    {
        var bin = Directory.EnumerateDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            ?? throw new InvalidOperationException("No PostgreSQL binaries under /usr/lib/postgresql (Debian's postgresql package; build/db.sh installs it).");
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The private cluster runs Debian's PostgreSQL on Linux.");
        }

        var root = Directory.CreateTempSubdirectory("marketplace-faults-").FullName;
        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", "postgres:postgres", root);
        }

        var cluster = new PrivateCluster(bin, root, FreePort());
        await cluster.PgAsync("initdb", "-D", cluster.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        await cluster.PgAsync("bash", "-c", $"""
            cat >> '{cluster.Data}/postgresql.conf' <<'CONF'
            port = {cluster.Port}
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{root}'
            max_connections = 100
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            CONF
            """);
        await cluster.PgCtlAsync("start");
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return cluster;
    }

    /// <summary>A fast restart: every connection is terminated ("57P01 terminating connection due to administrator command").</summary>
    public Task RestartAsync() => PgCtlAsync("restart", "-m", "fast");

    /// <summary>Stops the server (fast: every connection terminated) until <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync() => PgCtlAsync("stop", "-m", "fast");

    public Task StartAgainAsync() => PgCtlAsync("start");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await PgCtlAsync("stop", "-m", "immediate");
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Task PgCtlAsync(params string[] arguments) =>
        PgAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", .. arguments]);

    private Task PgAsync(string tool, params string[] arguments)
    {
        var program = tool == "bash" ? "bash" : Path.Combine(_bin, tool);
        return Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments])
            : RunAsync(program, arguments);
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }

    private static int FreePort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Random.Shared.Next(56000, 59000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken; try another.
            }
        }

        throw new InvalidOperationException("No free port between 56000 and 59000.");
    }
}
