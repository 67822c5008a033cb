using System.Globalization;
using System.Text.RegularExpressions;

namespace Marketplace.Courses.Domain.Catalog;

/// <summary>The words providers use for a course's format and level, and prices as they write them.</summary>
public static partial class CourseWords
{
    /// <summary>The ISO 4217 currencies course prices come in.</summary>
    public static IReadOnlySet<string> Currencies { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "JPY", "CNY", "INR", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "RON",
        "BRL", "MXN", "ZAR", "SGD", "HKD", "KRW", "TRY", "ILS", "AED", "UAH",
    };

    public static CourseFormat? Format(string? text) => Key(text) switch
    {
        "" => null,
        "selfpaced" or "self paced" or "video" or "videos" or "on demand" or "ondemand" or "online" or "recorded" or "course" or "mooc" or "self study" => CourseFormat.SelfPaced,
        "interactive" or "hands on" or "labs" or "hands on labs" or "project" or "projects" or "guided project" => CourseFormat.Interactive,
        "live" or "live online" or "liveonline" or "instructor led" or "virtual classroom" or "webinar" or "cohort" or "virtual" => CourseFormat.LiveOnline,
        "in person" or "inperson" or "classroom" or "on site" or "onsite" or "workshop" => CourseFormat.InPerson,
        "book" or "ebook" or "e book" or "reading" => CourseFormat.Book,
        "bootcamp" or "boot camp" or "intensive" => CourseFormat.Bootcamp,
        var other => Enum.TryParse<CourseFormat>(other.Replace(" ", ""), true, out var format) ? format : null,
    };

    public static CourseLevel? Level(string? text) => Key(text) switch
    {
        "" => null,
        "1" or "beginner" or "beginners" or "introductory" or "intro" or "foundation" or "foundational" or "basic" or "novice" or "entry" or "all levels" or "all" or "mixed" => CourseLevel.Beginner,
        "2" or "intermediate" or "medium" or "practitioner" or "beginner to intermediate" => CourseLevel.Intermediate,
        "3" or "advanced" or "expert" or "professional" or "intermediate to advanced" => CourseLevel.Advanced,
        _ => null,
    };

    /// <summary>The level a course brings a skill to when the file does not say: one above its own level (beginner: 2).</summary>
    public static int DefaultSkillLevel(CourseLevel level) => (int)level + 1;

    public static string LevelName(int skillLevel) => skillLevel switch
    {
        1 => "Beginner",
        2 => "Basic",
        3 => "Working",
        4 => "Advanced",
        5 => "Expert",
        _ => skillLevel.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A price and, when its symbol says so, its currency: "Free", "49.99", "$49", "€ 1.299,00", "39 EUR".</summary>
    public static (decimal Amount, string? Currency)? Price(string? text)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0 || s.Length > 40)
        {
            return null;
        }

        if (Key(s) is "free" or "gratis" or "no cost" or "0" or "included")
        {
            return (0, null);
        }

        string? currency = s switch
        {
            _ when s.Contains('$', StringComparison.Ordinal) && !s.Contains("A$", StringComparison.Ordinal) && !s.Contains("C$", StringComparison.Ordinal) => "USD",
            _ when s.Contains('€', StringComparison.Ordinal) => "EUR",
            _ when s.Contains('£', StringComparison.Ordinal) => "GBP",
            _ when s.Contains('₹', StringComparison.Ordinal) => "INR",
            _ => null,
        };
        foreach (Match code in CodeInPrice().Matches(s))
        {
            if (Currencies.Contains(code.Value.ToUpperInvariant()))
            {
                currency = code.Value.ToUpperInvariant();
            }
        }

        var digits = NotNumber().Replace(s, "");
        // The last separator followed by one or two digits is the decimal one; other separators group thousands.
        var last = digits.LastIndexOfAny(['.', ',']);
        if (last >= 0 && digits.Length - last - 1 is 1 or 2)
        {
            digits = digits[..last].Replace(".", "").Replace(",", "") + "." + digits[(last + 1)..];
        }
        else
        {
            digits = digits.Replace(".", "").Replace(",", "");
        }

        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? (amount, currency) : null;
    }

    private static string Key(string? text) => Separators().Replace((text ?? "").Trim().ToLowerInvariant(), " ").Trim();

    [GeneratedRegex(@"[\s_\-/]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"[^0-9.,]")]
    private static partial Regex NotNumber();

    [GeneratedRegex(@"(?<![A-Za-z])[A-Za-z]{3}(?![A-Za-z])")]
    private static partial Regex CodeInPrice();
}
