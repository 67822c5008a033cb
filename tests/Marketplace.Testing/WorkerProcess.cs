using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Marketplace.Testing;

/// <summary>
/// `dotnet Marketplace.Web.dll worker` as a real operating-system process on a test's database: the host as operators start it
/// on another machine, so a test can see it take jobs and can kill it outright (no graceful stop, as a lost machine).
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the worker wrote (stdout and stderr), for a failing test's message.</summary>
    public string Output => string.Join('\n', _output.TakeLast(60));

    /// <summary>Starts a worker and waits (bounded) until its Hangfire server has registered in the database.</summary>
    public static async Task<WorkerProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, TimeSpan? timeout = null)
    {
        var web = WebProjectFolder();
        var dll = Path.Combine(web, "bin", BuildConfiguration(), "net10.0", "Marketplace.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the host first: {dll} is missing.", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("worker");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["DOTNET_ENVIRONMENT"] = "Testing",
            ["MARKETPLACE_DB"] = null,
            ["Database__ConnectionString"] = connectionString,
            ["BackgroundJobs__WorkerCount"] = "2",
            ["BackgroundJobs__QueuePollIntervalMs"] = "100",
            ["BackgroundJobs__SchedulePollIntervalSeconds"] = "1",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["PublicOrigin"] = "http://localhost",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await worker.WaitUntilServingAsync(connectionString, timeout ?? TimeSpan.FromSeconds(90));
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }

        return worker;
    }

    /// <summary>Hangfire's name for this process's server starts with the machine and the process id (BackgroundJobs.cs).</summary>
    public string ServerNamePrefix => $"{Environment.MachineName}:{Id}:".ToLowerInvariant();

    /// <summary>Ends the process at once (SIGKILL): no stop, no cleanup, its jobs left as they were.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilServingAsync(string connectionString, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The worker exited with {_process.ExitCode}:\n{Output}");
            }

            if (await ServerRegisteredAsync(connectionString)) return;
            await Task.Delay(100);
        }

        throw new TimeoutException($"The worker's Hangfire server did not register within {timeout}:\n{Output}");
    }

    private async Task<bool> ServerRegisteredAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM hangfire.server WHERE lower(id) LIKE @prefix", connection);
            command.Parameters.AddWithValue("prefix", ServerNamePrefix + "%");
            return (long)(await command.ExecuteScalarAsync())! > 0;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }
    }

    private static string WebProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Marketplace.sln")))
            {
                return Path.Combine(folder.FullName, "src", "Marketplace.Web");
            }
        }

        throw new DirectoryNotFoundException("No Marketplace.sln above the test's folder.");
    }

    // The test runs from tests/<project>/bin/<configuration>/net10.0: the host was built with the same configuration.
    private static string BuildConfiguration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}
