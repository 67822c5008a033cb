using System.Net;
using System.Net.Sockets;
using Npgsql;
using Shouldly;
using Xunit;

namespace Marketplace.Build.Tests;

/// <summary>build/db.sh and the scripts that start it, in a clone that the postgres user cannot enter (ADR 0004).</summary>
public sealed class PrivateDatabaseTests(FreshClone clone) : IClassFixture<FreshClone>
{
    [Fact]
    public async Task The_database_comes_up_again_and_down_in_a_private_folder_on_a_path_with_spaces()
    {
        var ownership = clone.Ownership();
        var started = clone.Script("db.sh", "start");
        started.ExitCode.ShouldBe(0, started.ToString());
        var url = started.Output.Trim().Split('\n')[^1];
        url.ShouldContain($"Port={clone.Port};");
        (await CurrentUserAsync(url)).ShouldBe("marketplace");

        var again = clone.Script("db.sh", "start");
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Output.Trim().Split('\n')[^1].ShouldBe(url);
        var status = clone.Script("db.sh", "status");
        status.ExitCode.ShouldBe(0, status.ToString());
        status.Output.ShouldStartWith($"running on 127.0.0.1:{clone.Port}");

        var stopped = clone.Script("db.sh", "stop");
        stopped.ExitCode.ShouldBe(0, stopped.ToString());
        clone.Script("db.sh", "status").ExitCode.ShouldBe(3);
        await Should.ThrowAsync<NpgsqlException>(() => CurrentUserAsync(url));

        var restarted = clone.Script("db.sh", "start");
        restarted.ExitCode.ShouldBe(0, restarted.ToString());
        (await CurrentUserAsync(url)).ShouldBe("marketplace");
        clone.Script("db.sh", "stop").ExitCode.ShouldBe(0);
        FreshClone.Changes(ownership, clone.Ownership()).ShouldBeEmpty();
    }

    /// <summary>
    /// An older db.sh kept the cluster in the clone's .data folder; db.sh still uses one found there, and once handed the
    /// folder above it (the clone itself) to the postgres user. Seen as root, where the chown would succeed.
    /// </summary>
    [Fact]
    public void A_cluster_left_in_the_clone_by_an_older_db_sh_never_changes_who_owns_the_clone()
    {
        clone.Script("db.sh", "stop").ExitCode.ShouldBe(0);
        var ownership = clone.Ownership();
        var legacy = Path.Combine(clone.Root, ".data", $"pg-{clone.Port}");
        Directory.CreateDirectory(legacy);
        File.WriteAllText(Path.Combine(legacy, "PG_VERSION"), "17\n");
        File.WriteAllText(Path.Combine(legacy, "postgresql.conf"), $"port = {clone.Port}\n");
        try
        {
            clone.Script("db.sh", "where").Output.Trim().ShouldBe(legacy);
            var started = clone.Script("db.sh", "start");

            // That half-made cluster cannot start; what matters is what the attempt left behind.
            started.ExitCode.ShouldNotBe(0, started.ToString());
            FreshClone.Changes(ownership, clone.Ownership()).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(Path.Combine(clone.Root, ".data"), recursive: true);
        }
    }

    [Theory]
    [InlineData("db.sh start")]
    [InlineData("run.sh")]
    [InlineData("test.sh")]
    [InlineData("bench.sh matching")]
    public void A_script_stops_at_once_with_one_line_when_the_database_cannot_start(string command)
    {
        var (script, arguments) = (command.Split(' ')[0], command.Split(' ')[1..]);
        clone.Script("db.sh", "stop").ExitCode.ShouldBe(0);
        using var squatter = new TcpListener(IPAddress.Loopback, clone.Port);
        squatter.Start();

        var result = clone.Script(script, arguments, TimeSpan.FromSeconds(90));

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Lines.Count.ShouldBe(1, result.ToString());
        result.Lines[0].ShouldContain($"port {clone.Port}");
    }

    private static async Task<string> CurrentUserAsync(string url)
    {
        await using var connection = new NpgsqlConnection(url + ";Pooling=false;Timeout=5");
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT current_user", connection);
        return (string)(await query.ExecuteScalarAsync())!;
    }
}
