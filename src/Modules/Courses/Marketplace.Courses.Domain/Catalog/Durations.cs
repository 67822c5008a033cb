using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Courses.Domain.Catalog;

/// <summary>
/// Durations as providers write them, turned into hours by one stated rule (docs/courses.md):
/// minutes and hours as they are; a day of a course is <see cref="HoursPerDay"/> hours (a workshop day); a week is
/// <see cref="HoursPerWeek"/> hours and a month <see cref="HoursPerMonth"/> (self-paced study, as MOOCs state weekly
/// effort); a range ("1 - 3 months") is its midpoint; stated effort ("4 weeks at 6 hours a week") is multiplied out; parts
/// add up ("1h 30m"); a bare number is hours; ISO 8601 ("PT2H30M") is read too. Anything else is refused, never guessed.
/// </summary>
public static partial class Durations
{
    public const decimal HoursPerDay = 8;
    public const decimal HoursPerWeek = 5;
    public const decimal HoursPerMonth = 20;
    public const int MaxLength = 100;

    public const string Rule =
        "minutes and hours as written; a day is 8 hours, a week 5 hours, a month 20 hours; a range counts as its midpoint; " +
        "\"N weeks at M hours a week\" is N × M hours; parts add up (\"1h 30m\"); a bare number is hours";

    /// <summary>The hours the text stands for (more than zero, to two decimals), or a validation error on <paramref name="field"/>.</summary>
    public static Result<decimal> ToHours(string? text, string field = "Hours")
    {
        var hours = TryRead(text);
        if (hours is > 0)
        {
            return Math.Round(hours.Value, 2, MidpointRounding.AwayFromZero);
        }

        var shown = text is null ? "" : text.Length > 40 ? text[..40] + "…" : text;
        return Error.Validation(field, hours == 0
            ? $"The duration '{shown}' is zero; a course takes some time."
            : $"The duration '{shown}' could not be read: write hours (\"12 hours\"), a span (\"3 weeks\"), a range (\"1 - 3 months\") or effort (\"4 weeks at 5 hours a week\").");
    }

    /// <summary>How many hours one of the unit stands for; null for a word that is no unit of time.</summary>
    public static decimal? HoursPer(string unit) => UnitOf(unit) switch
    {
        Unit.Minute => 1m / 60,
        Unit.Hour => 1,
        Unit.Day => HoursPerDay,
        Unit.Week => HoursPerWeek,
        Unit.Month => HoursPerMonth,
        _ => null,
    };

    private enum Unit { None, Minute, Hour, Day, Week, Month }

    private static decimal? TryRead(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return null;
        }

        var s = Clean(text);
        if (s.Length == 0)
        {
            return null;
        }

        if (Iso().Match(s.ToUpperInvariant()) is { Success: true } iso)
        {
            return Number(iso.Groups["d"].Value, 0) * HoursPerDay + Number(iso.Groups["h"].Value, 0) + Number(iso.Groups["m"].Value, 0) / 60;
        }

        if (Clock().Match(s) is { Success: true } clock)
        {
            return Number(clock.Groups["h"].Value, 0) + Number(clock.Groups["m"].Value, 0) / 60;
        }

        if (Effort().Match(s) is { Success: true } effort || (effort = EffortFirst().Match(s)).Success)
        {
            var per = UnitOf(effort.Groups["per"].Value);
            var span = UnitOf(effort.Groups["span"].Value);
            var rateUnit = HoursPer(effort.Groups["rate"].Value);
            var perInSpan = PerInSpan(per, span);
            if (rateUnit is null || perInSpan is null || UnitOf(effort.Groups["rate"].Value) is not (Unit.Hour or Unit.Minute))
            {
                return null;
            }

            return Middle(effort.Groups["n1"].Value, effort.Groups["n2"].Value) * perInSpan * Middle(effort.Groups["r1"].Value, effort.Groups["r2"].Value) * rateUnit;
        }

        // Parts that add up: "2 hours 30 minutes", "1h30m", "3 - 5 hours", "12".
        var total = 0m;
        var at = 0;
        var parts = Part().Matches(s);
        foreach (Match part in parts)
        {
            // A bare number is hours only on its own: "3 weeks 5" is no duration.
            if (part.Groups["u"].Value.Length == 0 && parts.Count > 1)
            {
                return null;
            }

            if (s[at..part.Index].Trim().Trim(',', '+').Trim().Length > 0 && s[at..part.Index].Trim() is not ("and" or "," or "+"))
            {
                return null;
            }

            var unit = part.Groups["u"].Value;
            var per = unit.Length == 0 ? 1 : HoursPer(unit);
            if (per is null)
            {
                return null;
            }

            total += Middle(part.Groups["a"].Value, part.Groups["b"].Value) * per.Value;
            at = part.Index + part.Length;
        }

        return at == 0 || s[at..].Trim().Length > 0 ? null : total;
    }

    private static string Clean(string text)
    {
        var s = text.Trim().ToLowerInvariant().Replace('–', '-').Replace('—', '-').Replace('\u00a0', ' ');
        // "1,5 hours" is a decimal comma; "1,500 minutes" a thousands separator.
        s = DecimalComma().Replace(s, "$1.$2");
        s = ThousandsComma().Replace(s, "$1$2");
        s = Filler().Replace(s, " ");
        return Spaces().Replace(s, " ").Trim().Trim('.', ',', ';').Trim();
    }

    private static decimal Middle(string a, string b)
    {
        var low = Number(a, 0);
        return b.Length == 0 ? low : (low + Number(b, low)) / 2;
    }

    private static decimal Number(string text, decimal fallback) =>
        text.Length > 0 && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static decimal? PerInSpan(Unit per, Unit span) => (per, span) switch
    {
        _ when per == span && per is Unit.Day or Unit.Week or Unit.Month => 1,
        (Unit.Week, Unit.Month) => HoursPerMonth / HoursPerWeek,
        (Unit.Day, Unit.Week) => 5,
        (Unit.Day, Unit.Month) => 20,
        _ => null,
    };

    private static Unit UnitOf(string word) => word.TrimEnd('.') switch
    {
        "m" or "min" or "mins" or "minute" or "minutes" => Unit.Minute,
        "h" or "hr" or "hrs" or "hour" or "hours" => Unit.Hour,
        "d" or "day" or "days" => Unit.Day,
        "w" or "wk" or "wks" or "week" or "weeks" => Unit.Week,
        "mo" or "mos" or "mon" or "month" or "months" => Unit.Month,
        _ => Unit.None,
    };

    private const string Num = @"\d{1,5}(?:\.\d{1,3})?";
    private const string Range = @"\s*(?:-|to)\s*";
    private const string Per = @"\s*(?:/|per|a|an|each|every)\s*";

    [GeneratedRegex(@"^P(?:(?<d>\d{1,4})D)?(?:T(?:(?<h>\d{1,5}(?:\.\d+)?)H)?(?:(?<m>\d{1,5})M)?)?$")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<h>\d{1,4}):(?<m>[0-5]\d)(?:\s*h(?:ours?|rs?)?)?$")]
    private static partial Regex Clock();

    [GeneratedRegex($@"^(?<n1>{Num})(?:{Range}(?<n2>{Num}))?\s*(?<span>[a-z]+)\.?\s*(?:,|at|x|×|@|of|with)?\s*(?<r1>{Num})(?:{Range}(?<r2>{Num}))?\s*(?<rate>[a-z]+)\.?{Per}(?<per>[a-z]+)$")]
    private static partial Regex Effort();

    [GeneratedRegex($@"^(?<r1>{Num})(?:{Range}(?<r2>{Num}))?\s*(?<rate>[a-z]+)\.?{Per}(?<per>[a-z]+)\s*(?:,|for|over|x|×)?\s*(?<n1>{Num})(?:{Range}(?<n2>{Num}))?\s*(?<span>[a-z]+)$")]
    private static partial Regex EffortFirst();

    [GeneratedRegex($@"(?<a>{Num})(?:{Range}(?<b>{Num}))?\s*(?<u>[a-z]+\.?)?")]
    private static partial Regex Part();

    [GeneratedRegex(@"(\d),(\d{1,2})(?!\d)")]
    private static partial Regex DecimalComma();

    [GeneratedRegex(@"(\d),(\d{3})(?!\d)")]
    private static partial Regex ThousandsComma();

    [GeneratedRegex(@"(?:^|\s)(?:about|approx\.?|approximately|around|roughly|~|total|in total|estimated|est\.|of video|of content|on-demand|self-paced|\(self-paced\)|of learning|video|content|up to|\+)(?=\s|$)|~|\+(?=\s|$)")]
    private static partial Regex Filler();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
