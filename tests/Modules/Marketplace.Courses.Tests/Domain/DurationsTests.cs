using System.Globalization;
using CsCheck;
using Marketplace.Courses.Domain.Catalog;

namespace Marketplace.Courses.Tests.Domain;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("12 hours", 12)]
    [InlineData("12", 12)]
    [InlineData("1.5 hours", 1.5)]
    [InlineData("1,5 hours", 1.5)]
    [InlineData("90 minutes", 1.5)]
    [InlineData("90 min", 1.5)]
    [InlineData("1h 30m", 1.5)]
    [InlineData("1h30m", 1.5)]
    [InlineData("2 hours 15 minutes", 2.25)]
    [InlineData("1:30", 1.5)]
    [InlineData("PT2H30M", 2.5)]
    [InlineData("3 weeks", 15)]
    [InlineData("2 days", 16)]
    [InlineData("1 month", 20)]
    [InlineData("1 - 3 Months", 40)]
    [InlineData("1-3 months", 40)]
    [InlineData("1 to 3 months", 40)]
    [InlineData("10–12 hours", 11)]
    [InlineData("4 weeks at 6 hours a week", 24)]
    [InlineData("4 weeks, 6 hours/week", 24)]
    [InlineData("6 hours per week for 4 weeks", 24)]
    [InlineData("3 months at 5 hours per week", 60)]
    [InlineData("2-4 weeks, 3-5 hours per week", 12)]
    [InlineData("About 12 hours", 12)]
    [InlineData("~20 hours", 20)]
    [InlineData("Approx. 3 weeks", 15)]
    [InlineData("12 hours of video", 12)]
    [InlineData("1,500 minutes", 25)]
    public void Durations_as_people_write_them_become_hours_by_the_stated_rule(string text, double hours) =>
        Durations.ToHours(text).Value.ShouldBe((decimal)hours);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("self-paced")]
    [InlineData("a while")]
    [InlineData("12 parsecs")]
    [InlineData("3 weeks 5")]
    [InlineData("hours 12")]
    [InlineData("0 hours")]
    [InlineData("4 weeks at 6 weeks a week")]
    public void Anything_else_is_refused_with_a_message_naming_the_field(string? text)
    {
        var result = Durations.ToHours(text, "Duration");
        result.IsFailure.ShouldBeTrue();
        result.FirstError.Field.ShouldBe("Duration");
    }

    [Fact]
    public void Hours_written_with_any_unit_word_are_that_many_units_times_the_unit()
    {
        var units = Gen.OneOf(
            Gen.Const(("hours", 1m)), Gen.Const(("h", 1m)), Gen.Const(("hrs", 1m)), Gen.Const(("minutes", 1m / 60)), Gen.Const(("mins", 1m / 60)),
            Gen.Const(("days", Durations.HoursPerDay)), Gen.Const(("weeks", Durations.HoursPerWeek)), Gen.Const(("wks", Durations.HoursPerWeek)),
            Gen.Const(("months", Durations.HoursPerMonth)));
        Gen.Select(Gen.Int[1, 90], units, Gen.Bool).Sample((count, unit, spaced) =>
        {
            var text = spaced ? $"{count} {unit.Item1}" : $"{count}{unit.Item1}";
            Durations.ToHours(text).Value.ShouldBe(Math.Round(count * unit.Item2, 2, MidpointRounding.AwayFromZero), text);
        });
    }

    [Fact]
    public void A_range_is_its_midpoint_and_lies_between_its_ends()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, 40], Gen.OneOf(Gen.Const("hours"), Gen.Const("weeks"), Gen.Const("months")), Gen.OneOf(Gen.Const(" - "), Gen.Const("-"), Gen.Const(" to ")))
            .Sample((low, extra, unit, dash) =>
            {
                var high = low + extra;
                var range = Durations.ToHours($"{low}{dash}{high} {unit}").Value;
                var (a, b) = (Durations.ToHours($"{low} {unit}").Value, Durations.ToHours($"{high} {unit}").Value);
                range.ShouldBe(Math.Round((a + b) / 2, 2, MidpointRounding.AwayFromZero));
                range.ShouldBeInRange(a, b);
            });
    }

    [Fact]
    public void Stated_effort_multiplies_out_and_parts_add_up()
    {
        Gen.Select(Gen.Int[1, 30], Gen.Int[1, 20], Gen.Int[0, 59]).Sample((weeks, perWeek, minutes) =>
        {
            Durations.ToHours($"{weeks} weeks at {perWeek} hours a week").Value.ShouldBe(weeks * perWeek);
            Durations.ToHours($"{perWeek} hours per week for {weeks} weeks").Value.ShouldBe(weeks * perWeek);
            Durations.ToHours($"{perWeek}h {minutes}m").Value.ShouldBe(Math.Round(perWeek + minutes / 60m, 2, MidpointRounding.AwayFromZero));
        });
    }

    [Fact]
    public void Decimal_hours_read_back_as_written()
    {
        Gen.Int[1, 99_999].Sample(tenths =>
        {
            var hours = tenths / 10m;
            Durations.ToHours(hours.ToString(CultureInfo.InvariantCulture) + " hours").Value.ShouldBe(hours);
        });
    }

    [Fact]
    public void Any_text_gets_an_answer_never_an_exception_and_never_zero_or_less()
    {
        var words = Gen.OneOf(Gen.Const("12"), Gen.Const("1.5"), Gen.Const("-"), Gen.Const("to"), Gen.Const("hours"), Gen.Const("weeks"), Gen.Const("a"),
            Gen.Const("per"), Gen.Const("week"), Gen.Const(","), Gen.Const("PT"), Gen.Const("H"), Gen.Const(":"), Gen.Const("about"), Gen.Const("~"));
        Gen.OneOf(words.Array[0, 8].Select(w => string.Join(' ', w)), Gen.String).Sample(text =>
        {
            var result = Durations.ToHours(text);
            if (result.IsSuccess)
            {
                result.Value.ShouldBeGreaterThan(0);
            }
        });
    }
}
