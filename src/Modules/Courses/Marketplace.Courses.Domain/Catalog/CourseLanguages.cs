namespace Marketplace.Courses.Domain.Catalog;

/// <summary>A language a course is taught in: its ISO 639-1 code and its English name.</summary>
public sealed record CourseLanguage(string Code, string Name);

/// <summary>The languages the catalog knows, found by code ("en", "EN-us") or by name ("English", "german").</summary>
public static class CourseLanguages
{
    public static IReadOnlyList<CourseLanguage> All { get; } =
    [
        new("en", "English"), new("de", "German"), new("fr", "French"), new("es", "Spanish"), new("pt", "Portuguese"),
        new("it", "Italian"), new("nl", "Dutch"), new("pl", "Polish"), new("sv", "Swedish"), new("da", "Danish"),
        new("fi", "Finnish"), new("no", "Norwegian"), new("cs", "Czech"), new("ro", "Romanian"), new("uk", "Ukrainian"),
        new("ru", "Russian"), new("tr", "Turkish"), new("ja", "Japanese"), new("zh", "Chinese"), new("ko", "Korean"),
        new("hi", "Hindi"), new("ar", "Arabic"),
    ];

    private static readonly Dictionary<string, CourseLanguage> ByKey = BuildKeys();

    public static CourseLanguage? Find(string? text)
    {
        var key = text?.Trim().ToLowerInvariant() ?? "";
        if (key.Length > 2 && (key[2] == '-' || key[2] == '_'))
        {
            key = key[..2];
        }

        return ByKey.GetValueOrDefault(key);
    }

    public static string NameOf(string code) => Find(code)?.Name ?? code;

    private static Dictionary<string, CourseLanguage> BuildKeys()
    {
        var keys = new Dictionary<string, CourseLanguage>(StringComparer.Ordinal);
        foreach (var language in All)
        {
            keys[language.Code] = language;
            keys[language.Name.ToLowerInvariant()] = language;
        }

        keys["english (us)"] = keys["en"];
        keys["english (uk)"] = keys["en"];
        keys["deutsch"] = keys["de"];
        keys["français"] = keys["fr"];
        keys["francais"] = keys["fr"];
        keys["español"] = keys["es"];
        keys["espanol"] = keys["es"];
        keys["português"] = keys["pt"];
        return keys;
    }
}
