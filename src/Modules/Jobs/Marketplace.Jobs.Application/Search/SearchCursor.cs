using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Marketplace.Jobs.Application.Search;

/// <summary>
/// The opaque "after" value of a results page: the position of its last result, base64url-encoded. It carries no secret
/// and grants nothing; one that was tampered with just starts elsewhere, and one that cannot be read is a 400.
/// </summary>
public static class SearchCursor
{
    public static string Encode(SearchPosition position)
    {
        var text = string.Join('|',
            position.Sort.ToString(),
            position.Rank.ToString("R", CultureInfo.InvariantCulture),
            position.PublishedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            position.OtherCurrency ? "1" : "0",
            position.YearlyMax.ToString(CultureInfo.InvariantCulture),
            position.Id.ToString("N"),
            position.WindowFrom is { } from ? from.UtcTicks.ToString(CultureInfo.InvariantCulture) : "");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    public static bool TryDecode(string? value, out SearchPosition? position)
    {
        position = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)).Split('|');
            if (parts.Length is 6 or 7
                && Enum.TryParse<SearchSort>(parts[0], out var sort)
                && float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rank) && float.IsFinite(rank)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && parts[3] is "0" or "1"
                && decimal.TryParse(parts[4], NumberStyles.Number, CultureInfo.InvariantCulture, out var yearly)
                && Guid.TryParseExact(parts[5], "N", out var id)
                && TryTime(parts.Length == 7 ? parts[6] : "", out var windowFrom))
            {
                position = new SearchPosition(sort, rank, ToTime(ticks), parts[3] == "1", yearly, id) { WindowFrom = windowFrom };
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }

    private static bool TryTime(string text, out DateTimeOffset? time)
    {
        time = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks)
        {
            time = ToTime(ticks);
            return true;
        }

        return false;
    }

    private static DateTimeOffset ToTime(long ticks) => new(ticks, TimeSpan.Zero);
}
