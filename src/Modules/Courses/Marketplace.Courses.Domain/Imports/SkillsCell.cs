using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.Courses.Domain.Imports;

/// <summary>One skill as a file wrote it, with the level it states (1 to 5), if any.</summary>
public sealed record SkillMention(string Text, int? Level);

/// <summary>
/// Skills written in one cell: a JSON array (of names, or of objects with "skill" or "name" and an optional "level"), or a
/// list split by semicolons, commas or pipes. A mention may carry its level: "PostgreSQL:4", "Docker (3)", "Go (advanced)".
/// </summary>
public static partial class SkillsCell
{
    public const int MaxMentions = 40;

    public static IReadOnlyList<SkillMention> Split(string? cell)
    {
        var text = cell?.Trim() ?? "";
        if (text.Length == 0)
        {
            return [];
        }

        if (text.StartsWith('[') && FromJson(text) is { } fromJson)
        {
            return fromJson;
        }

        // Semicolons and pipes separate lists that keep commas inside a name; otherwise commas do.
        char[] separators = text.Contains(';', StringComparison.Ordinal) || text.Contains('|', StringComparison.Ordinal) ? [';', '|'] : [','];
        return [.. text.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(Mention)
            .Where(m => m.Text.Length > 0)
            .DistinctBy(m => m.Text.ToLowerInvariant())
            .Take(MaxMentions)];
    }

    private static IReadOnlyList<SkillMention>? FromJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var mentions = new List<SkillMention>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                switch (item.ValueKind)
                {
                    case JsonValueKind.String:
                        mentions.Add(Mention(item.GetString() ?? ""));
                        break;
                    case JsonValueKind.Object:
                        var name = Property(item, "skill") ?? Property(item, "name");
                        if (name is { ValueKind: JsonValueKind.String })
                        {
                            var level = Property(item, "level") is { } l ? LevelOf(l.ValueKind == JsonValueKind.Number ? l.GetRawText() : l.GetString()) : null;
                            mentions.Add(new SkillMention(name.Value.GetString()!.Trim(), level));
                        }

                        break;
                }
            }

            return [.. mentions.Where(m => m.Text.Length > 0).DistinctBy(m => m.Text.ToLowerInvariant()).Take(MaxMentions)];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Property(JsonElement item, string name)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static SkillMention Mention(string part)
    {
        var text = part.Trim().Trim('"', '\'').Trim();
        if (LevelSuffix().Match(text) is { Success: true } suffix && LevelOf(suffix.Groups["level"].Value) is { } level)
        {
            return new SkillMention(text[..suffix.Index].Trim(), level);
        }

        return new SkillMention(text, null);
    }

    private static int? LevelOf(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "1" or "beginner" => 1,
        "2" or "basic" or "elementary" => 2,
        "3" or "working" or "intermediate" => 3,
        "4" or "advanced" => 4,
        "5" or "expert" => 5,
        _ => null,
    };

    [GeneratedRegex(@"\s*(?::\s*(?<level>[1-5])|\(\s*(?<level>[1-5]|beginner|basic|elementary|working|intermediate|advanced|expert)\s*\))\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LevelSuffix();
}
