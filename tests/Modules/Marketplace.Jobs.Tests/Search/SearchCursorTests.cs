using CsCheck;
using Marketplace.Jobs.Application.Search;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Search;

public sealed class SearchCursorTests
{
    private static readonly Gen<DateTimeOffset> Time = Gen.Long[0, DateTimeOffset.MaxValue.UtcTicks].Select(t => new DateTimeOffset(t, TimeSpan.Zero));

    private static readonly Gen<SearchPosition> Position =
        Gen.Select(Gen.Enum<SearchSort>(), Gen.Float, Time, Gen.Bool, Gen.Decimal, Gen.Guid, Gen.Select(Gen.Bool, Time, (has, t) => has ? t : (DateTimeOffset?)null))
            .Where(x => float.IsFinite(x.Item2))
            .Select((sort, rank, published, other, yearly, id, windowFrom) =>
                new SearchPosition(sort, rank, published, other, yearly, id) { WindowFrom = windowFrom });

    [Fact]
    public void Every_position_reads_back_as_it_was_written() =>
        Position.Sample(position =>
        {
            SearchCursor.TryDecode(SearchCursor.Encode(position), out var read).ShouldBeTrue();
            read.ShouldBe(position);
        });

    [Fact]
    public void A_link_from_before_the_relevance_window_was_kept_still_reads()
    {
        var position = new SearchPosition(SearchSort.Relevance, 0.5f, DateTimeOffset.UnixEpoch, false, 60_000m, Guid.NewGuid());
        var six = Cursor($"Relevance|0.5|{DateTimeOffset.UnixEpoch.UtcTicks}|0|60000|{position.Id:N}");

        SearchCursor.TryDecode(six, out var read).ShouldBeTrue();

        read.ShouldBe(position);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("UmVsZXZhbmNlfDAuNQ")]
    public void A_cursor_that_cannot_be_read_is_refused(string cursor) =>
        SearchCursor.TryDecode(cursor, out _).ShouldBeFalse();

    [Fact]
    public void A_window_start_that_is_not_a_time_is_refused()
    {
        var cursor = Cursor($"Relevance|0.5|0|0|1|{Guid.NewGuid():N}|soon");

        SearchCursor.TryDecode(cursor, out _).ShouldBeFalse();
    }

    private static string Cursor(string text) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(text));
}
