using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Marketplace.Build.Tests;

public sealed record ScriptResult(int ExitCode, string Output, string Errors)
{
    /// <summary>Every non-empty line the script wrote, stdout and stderr together.</summary>
    public IReadOnlyList<string> Lines =>
        [.. (Output + "\n" + Errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Errors}";
}

/// <summary>
/// A git clone of this repository where a newcomer's clone may be: in a 0700 folder (like root's home or `mktemp -d`),
/// on a path with spaces, under a read-only parent. The postgres user can enter none of it. The clone takes this
/// working tree's build/ scripts, so what is tested is the scripts as they are now, not as last committed.
/// </summary>
public sealed class FreshClone : IDisposable
{
    private readonly DirectoryInfo _private;
    private readonly string _parent;

    public FreshClone()
    {
        var repository = RepositoryRoot();
        _private = Directory.CreateTempSubdirectory("marketplace-clone-");
        File.SetUnixFileMode(_private.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _parent = Path.Combine(_private.FullName, "read only parent");
        Directory.CreateDirectory(_parent);
        Root = Path.Combine(_parent, "market place");

        var clone = Run("git", ["clone", "--quiet", "--no-hardlinks", repository, Root], _private.FullName, new Dictionary<string, string?>(), TimeSpan.FromMinutes(2));
        if (clone.ExitCode != 0)
        {
            throw new InvalidOperationException($"git clone {repository} failed: {clone}");
        }

        foreach (var script in Directory.GetFiles(Path.Combine(repository, "build"), "*.sh"))
        {
            File.Copy(script, Path.Combine(Root, "build", Path.GetFileName(script)), overwrite: true);
        }

        File.SetUnixFileMode(_parent, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Port = FreePort();
    }

    public string Root { get; }

    /// <summary>A port of this clone's own, free when it was picked, never the shared server's 55432.</summary>
    public int Port { get; }

    /// <summary>Runs build/&lt;script&gt; in the clone as a newcomer would: no MARKETPLACE_DB, this clone's port.</summary>
    public ScriptResult Script(string script, params string[] arguments) => Script(script, arguments, TimeSpan.FromMinutes(2));

    public ScriptResult Script(string script, string[] arguments, TimeSpan timeout) =>
        Run("bash", [Path.Combine(Root, "build", script), .. arguments], Root, new Dictionary<string, string?>
        {
            ["MARKETPLACE_DB"] = null,
            ["MARKETPLACE_DB_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MARKETPLACE_URL"] = $"http://127.0.0.1:{FreePort()}",
        }, timeout);

    /// <summary>
    /// Owner, group and mode of the clone's folder, of every file and folder in it (but the git-ignored .data, which a
    /// cluster made there by an older db.sh may use) and of the folders above it up to the private one, one line each.
    /// </summary>
    public IReadOnlyList<string> Ownership()
    {
        var above = Run("stat", ["-c", "%U:%G %a %n", _private.FullName, _parent], _private.FullName, [], TimeSpan.FromMinutes(1));
        var inside = Run("find", [Root, "-path", Path.Combine(Root, ".data"), "-prune", "-o", "-printf", "%u:%g %m %p\\n"], _private.FullName, [], TimeSpan.FromMinutes(1));
        if (above.ExitCode != 0 || inside.ExitCode != 0)
        {
            throw new InvalidOperationException($"stat or find failed: {above} {inside}");
        }

        return [.. (above.Output + inside.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>What differs between two <see cref="Ownership"/> listings: "- before" and "+ after" lines, none when alike.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        [.. before.Except(after).Select(line => "- " + line), .. after.Except(before).Select(line => "+ " + line)];

    public void Dispose()
    {
        try
        {
            Script("db.sh", "remove");
        }
        finally
        {
            File.SetUnixFileMode(_parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            _private.Delete(recursive: true);
        }
    }

    /// <summary>A port between 56000 and 59000 that nothing listens on now.</summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(56000, 59000);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                probe.Stop();
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("No free port between 56000 and 59000.");
    }

    private static ScriptResult Run(string file, string[] arguments, string directory, Dictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            // A script that goes on (say, builds and runs the suite) after the database failed must not run on here.
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ScriptResult(-1, output.Result, errors.Result + $"\n(killed after {timeout.TotalSeconds:0} s)");
        }

        process.WaitForExit();
        return new ScriptResult(process.ExitCode, output.Result, errors.Result);
    }

    private static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "Marketplace.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? throw new InvalidOperationException("The tests run outside the repository: no Marketplace.sln above " + AppContext.BaseDirectory);
    }
}
