using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Jobs.Infrastructure.Demo;
using Marketplace.Testing;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Search;

/// <summary>
/// A truncated postings table (as tests reset their schemas) leaves no trace of an index's old postings: the truncation
/// advances the feed's epoch, and the next search loads the index again.
/// </summary>
public sealed class SearchIndexResetTests(MarketplaceFixture fixture) : IClassFixture<MarketplaceFixture>
{
    [Fact]
    public async Task After_a_truncation_the_index_holds_only_what_is_there_now()
    {
        var client = fixture.App.CreateClient();
        await JobsDemoData.SeedAsync(fixture.App.Services, 12, [], publishEvents: false, CancellationToken.None);
        var before = await PublishedAsync();
        before.ShouldBeGreaterThan(0);
        (await TotalAsync(client)).ShouldBe(before);

        await fixture.ResetAsync();
        (await TotalAsync(client)).ShouldBe(0);

        await JobsDemoData.SeedAsync(fixture.App.Services, 5, [], publishEvents: false, CancellationToken.None, seed: 7);
        var after = await PublishedAsync();
        after.ShouldBeGreaterThan(0);
        (await TotalAsync(client)).ShouldBe(after);
    }

    /// <summary>What the demo seeder published (it also leaves some postings in other states).</summary>
    private async Task<int> PublishedAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*)::int FROM jobs.postings WHERE status = 'Published'", connection);
        return (int)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<int> TotalAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/postings/search?sort=Newest")).GetProperty("total").GetInt32();
}
