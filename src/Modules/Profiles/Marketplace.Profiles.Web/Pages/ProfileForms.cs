using System.Globalization;
using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Profiles.Application.Profiles;
using Marketplace.Profiles.Application.Profiles.Save;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Marketplace.Profiles.Web.Pages;

/// <summary>What the profile pages share: the current profile as a command to change one part of, numbers as people type them, errors next to their fields.</summary>
internal static partial class ProfileForms
{
    public const string ConflictMessage =
        "Your profile changed since you opened this page (perhaps in another tab). This page now shows the latest; make your change again.";

    /// <summary>The whole profile as it is, as the command that would store it unchanged at the version the form was read at.</summary>
    public static SaveMyProfile Current(MyProfileDto profile, long version) => new(
        version,
        profile.DisplayName,
        profile.Headline,
        profile.Summary,
        [.. profile.Skills.Select(ToInput)],
        ToInput(profile.Preferences));

    /// <summary>
    /// The skill rows a form keeps, as the command's inputs, with the form index of each (errors come back indexed by input);
    /// years and last-used that are not numbers are put on the row's own field.
    /// </summary>
    public static (List<int> Kept, List<SkillInput> Inputs) SkillRows<TRow>(
        IReadOnlyList<TRow> rows, string prefix, ModelStateDictionary state, Func<TRow, bool> keep,
        Func<TRow, (string? SkillId, string? Name, int Level, string? Years, string? LastUsed)> fields)
    {
        var kept = new List<int>();
        var inputs = new List<SkillInput>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (!keep(rows[i]))
            {
                continue;
            }

            var row = fields(rows[i]);
            if (!TryParseNumber(row.Years, out var years))
            {
                state.AddModelError($"{prefix}[{i}].Years", "Enter years as a number, such as 3 or 2.5.");
            }

            if (!TryParseYear(row.LastUsed, out var lastUsed))
            {
                state.AddModelError($"{prefix}[{i}].LastUsed", "Enter a year, such as 2024.");
            }

            kept.Add(i);
            inputs.Add(new SkillInput(row.SkillId, row.Name, row.Level, years, lastUsed));
        }

        return (kept, inputs);
    }

    public static SkillInput ToInput(SkillDto skill) => new(skill.SkillId, skill.Mention, skill.Level, skill.Years, skill.LastUsed);

    public static PreferencesInput ToInput(PreferencesDto preferences) => new(
        preferences.Seniority,
        preferences.WorkModes,
        [.. preferences.Locations.Select(l => new LocationInput(l.Country, l.City))],
        preferences.WillingToRelocate,
        preferences.MinimumSalary is { } s ? new SalaryInput(s.Amount, s.Currency, s.Period) : null,
        preferences.Visibility);

    /// <summary>
    /// A number as people type it: "2.5", "2,5", "70000", "70,000", "70 000" or "70.000" (groups of three are thousands).
    /// Empty is null; anything else is false.
    /// </summary>
    public static bool TryParseNumber(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (Grouped().IsMatch(trimmed))
        {
            trimmed = Regex.Replace(trimmed, @"[\s,.'’]", "");
        }
        else if (trimmed.Count(c => c == ',') == 1 && !trimmed.Contains('.', StringComparison.Ordinal))
        {
            trimmed = trimmed.Replace(',', '.');
        }

        if (decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    public static bool TryParseYear(string? text, out int? year)
    {
        year = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            year = parsed;
            return true;
        }

        return false;
    }

    public static string? Format(decimal? value) => value?.ToString("0.#", CultureInfo.InvariantCulture);

    public static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Each error next to its field, as <paramref name="field"/> maps the command's field to the form's; unmapped ones above the form.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<Error> errors, Func<string, string?> field)
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(error.Field is { } f ? field(f) ?? string.Empty : string.Empty, error.Message);
        }
    }

    /// <summary>"Skills[2].Level" as (2, ".Level"); null for other fields.</summary>
    public static (int Index, string Tail)? Indexed(string field, string list)
    {
        var match = IndexedField().Match(field);
        return match.Success && match.Groups["list"].Value == list
            ? (int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture), match.Groups["rest"].Value)
            : null;
    }

    /// <summary>Where the page shows each step of the completeness meter.</summary>
    public static string StepLink(string step) => step switch
    {
        "skills" or "years" => "/Profile/Edit#skills",
        "work" or "salary" or "seniority" => "/Profile/Edit#preferences",
        _ => "/Profile/Edit#about",
    };

    [GeneratedRegex(@"^\d{1,3}(?:[\s,.'’]\d{3})+$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^(?<list>[A-Za-z.]+)\[(?<index>\d+)\](?<rest>.*)$")]
    private static partial Regex IndexedField();
}
