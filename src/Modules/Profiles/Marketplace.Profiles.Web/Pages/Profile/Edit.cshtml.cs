using Marketplace.BuildingBlocks.Domain;
using Marketplace.Identity.Contracts;
using Marketplace.Profiles.Application.Profiles;
using Marketplace.Profiles.Application.Profiles.Get;
using Marketplace.Profiles.Application.Profiles.Save;
using Marketplace.Profiles.Application.Profiles.UndoCourseSkill;
using Marketplace.Profiles.Application.Skills.Suggest;
using Marketplace.Profiles.Application.Taxonomy;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Profiles.Web.Pages.Profile;

/// <summary>
/// Editing the profile in three forms (about you, skills, preferences), each saving its part of the profile through the
/// one SaveMyProfile command. Adding a skill is a plain round trip: what was typed is matched against the taxonomy, and
/// when it is not one skill for sure the page offers the suggestions to pick from; the script only makes that live.
/// </summary>
[Authorize(Policy = AuthorizationPolicies.JobSeeker)]
public sealed class EditModel(ISender sender) : PageModel
{
    public MyProfileDto Profile { get; private set; } = null!;

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public AboutForm About { get; set; } = new();

    [BindProperty]
    public List<SkillRow> Skills { get; set; } = [];

    [BindProperty]
    public NewSkillForm NewSkill { get; set; } = new();

    [BindProperty]
    public PreferencesForm Preferences { get; set; } = new();

    /// <summary>What the taxonomy offers for the skill being added, when it was not one skill for sure.</summary>
    public IReadOnlyList<SkillSuggestion>? NewSkillSuggestions { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        Fill(about: true, skills: true, newSkill: true, preferences: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAboutAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        var command = ProfileForms.Current(Profile, Version) with
        {
            DisplayName = About.DisplayName,
            Headline = About.Headline,
            Summary = About.Summary,
        };
        return await SaveAsync(command, "about", "Saved.", field => field is "DisplayName" or "Headline" or "Summary" ? $"About.{field}" : null,
            () => Fill(about: false, skills: true, newSkill: true, preferences: true), cancellationToken);
    }

    public async Task<IActionResult> OnPostSkillsAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        var (kept, inputs) = ProfileForms.SkillRows(Skills, "Skills", ModelState, row => !row.Remove,
            row => (row.SkillId, row.Name, row.Level, row.Years, row.LastUsed));

        if (!ModelState.IsValid)
        {
            Fill(about: true, skills: false, newSkill: true, preferences: true);
            return Page();
        }

        var removed = Skills.Count - kept.Count;
        var command = ProfileForms.Current(Profile, Version) with { Skills = inputs };
        return await SaveAsync(command, "skills", removed > 0 ? $"Saved. {removed} {(removed == 1 ? "skill" : "skills")} removed." : "Saved.",
            field => ProfileForms.Indexed(field, "Skills") is { } at && at.Index < kept.Count ? $"Skills[{kept[at.Index]}]{RowField(at.Tail)}" : null,
            () => Fill(about: true, skills: false, newSkill: true, preferences: true), cancellationToken);
    }

    public async Task<IActionResult> OnPostAddSkillAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        Fill(about: true, skills: true, newSkill: false, preferences: true);
        var name = NewSkill.Name?.Trim();
        if (string.IsNullOrEmpty(name) && string.IsNullOrWhiteSpace(NewSkill.SkillId) && string.IsNullOrWhiteSpace(NewSkill.PickedId))
        {
            ModelState.AddModelError("NewSkill.Name", "Type the skill's name, for example “PostgreSQL” or “k8s”.");
        }

        if (!ProfileForms.TryParseNumber(NewSkill.Years, out var years))
        {
            ModelState.AddModelError("NewSkill.Years", "Enter years as a number, such as 3 or 2.5.");
        }

        if (!ProfileForms.TryParseYear(NewSkill.LastUsed, out var lastUsed))
        {
            ModelState.AddModelError("NewSkill.LastUsed", "Enter a year, such as 2024.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var picked = string.IsNullOrWhiteSpace(NewSkill.PickedId) ? NewSkill.SkillId : NewSkill.PickedId;
        string? skillId = string.IsNullOrWhiteSpace(picked) ? null : picked.Trim();
        string? label = null;
        if (skillId is null && !NewSkill.KeepAsWritten)
        {
            var suggestions = await sender.Send(new SuggestSkills(name, 6), cancellationToken);
            if (suggestions.IsFailure)
            {
                ModelState.AddErrors(suggestions.Errors, _ => "NewSkill.Name");
                return Page();
            }

            if (suggestions.Value is [{ Match: "Exact" } exact, ..])
            {
                skillId = exact.Skill.Id;
                label = exact.Skill.Name;
            }
            else
            {
                // Not one skill for sure: the seeker picks, or keeps what they wrote.
                NewSkillSuggestions = suggestions.Value;
                return Page();
            }
        }

        if (label is null && skillId is not null)
        {
            // Picked from the suggestions: named as the taxonomy names it, not by the letters typed so far.
            var named = await sender.Send(new SuggestSkills(skillId, 1), cancellationToken);
            label = named.IsSuccess && named.Value is [{ } match] && match.Skill.Id == skillId ? match.Skill.Name : null;
            name = label;
        }

        var command = ProfileForms.Current(Profile, Version);
        var added = new SkillInput(skillId, name, NewSkill.Level, years, lastUsed);
        command = command with { Skills = [.. command.Skills!, added] };
        var newIndex = command.Skills!.Count - 1;
        var notice = label is null
            ? skillId is null ? $"Added “{name}”." : "Skill added."
            : $"Added {label}{(name is null || string.Equals(label, name, StringComparison.OrdinalIgnoreCase) ? "" : $" (you typed “{name}”)")}.";
        return await SaveAsync(command, "skills", notice,
            field => ProfileForms.Indexed(field, "Skills") is { } at && at.Index == newIndex ? $"NewSkill{RowField(at.Tail)}" : null,
            () => Fill(about: true, skills: true, newSkill: false, preferences: true), cancellationToken);
    }

    public async Task<IActionResult> OnPostPreferencesAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        var kept = new List<int>();
        var locations = new List<LocationInput>();
        for (var i = 0; i < Preferences.Locations.Count; i++)
        {
            var row = Preferences.Locations[i];
            if (string.IsNullOrWhiteSpace(row.Country))
            {
                if (!string.IsNullOrWhiteSpace(row.City))
                {
                    ModelState.AddModelError($"Preferences.Locations[{i}].Country", "Choose the country this city is in.");
                }

                continue;
            }

            kept.Add(i);
            locations.Add(new LocationInput(row.Country, row.City));
        }

        if (!ProfileForms.TryParseNumber(Preferences.SalaryAmount, out var amount))
        {
            ModelState.AddModelError("Preferences.SalaryAmount", "Enter an amount, such as 65000.");
        }

        if (!ModelState.IsValid)
        {
            Fill(about: true, skills: true, newSkill: true, preferences: false);
            return Page();
        }

        var preferences = new PreferencesInput(
            string.IsNullOrWhiteSpace(Preferences.Seniority) ? null : Preferences.Seniority,
            [.. Preferences.WorkModes.Where(m => !string.IsNullOrWhiteSpace(m))],
            locations,
            Preferences.WillingToRelocate,
            amount is { } a ? new SalaryInput(a, Preferences.SalaryCurrency, Preferences.SalaryPeriod) : null,
            Preferences.Visibility);
        var command = ProfileForms.Current(Profile, Version) with { Preferences = preferences };
        return await SaveAsync(command, "preferences", "Saved.", field => PreferenceField(field, kept),
            () => Fill(about: true, skills: true, newSkill: true, preferences: false), cancellationToken);
    }

    public async Task<IActionResult> OnPostUndoAsync(string? skillId, CancellationToken cancellationToken)
    {
        var undone = await sender.Send(new UndoCourseSkill(Version, skillId ?? ""), cancellationToken);
        if (undone.IsFailure && undone.FirstError.Kind == ErrorKind.Forbidden)
        {
            return Forbid();
        }

        Notice = undone.IsSuccess ? "Undone." : undone.FirstError.Kind == ErrorKind.Conflict ? ProfileForms.ConflictMessage : undone.FirstError.Message;
        return RedirectToPage(null, null, null, "skills");
    }

    private async Task<IActionResult> SaveAsync(
        SaveMyProfile command, string section, string notice, Func<string, string?> field, Action fillOthers, CancellationToken cancellationToken)
    {
        var saved = await sender.Send(command, cancellationToken);
        if (saved.IsSuccess)
        {
            Notice = notice;
            return RedirectToPage(null, null, null, section);
        }

        switch (saved.FirstError.Kind)
        {
            case ErrorKind.Forbidden:
                return Forbid();
            case ErrorKind.Conflict:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, ProfileForms.ConflictMessage);
                Fill(about: true, skills: true, newSkill: true, preferences: true);
                return Page();
        }

        ModelState.AddErrors(saved.Errors, field);
        fillOthers();
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var profile = await sender.Send(new GetMyProfile(), cancellationToken);
        if (profile.IsFailure)
        {
            return false;
        }

        Profile = profile.Value;
        return true;
    }

    /// <summary>Fills the forms that were not posted from the stored profile; a posted one keeps what the seeker sent.</summary>
    private void Fill(bool about, bool skills, bool newSkill, bool preferences)
    {
        if (about || skills || newSkill || preferences)
        {
            Version = Profile.Version;
            ModelState.Remove(nameof(Version));
        }

        if (about)
        {
            About = new AboutForm { DisplayName = Profile.DisplayName, Headline = Profile.Headline, Summary = Profile.Summary };
        }

        if (skills)
        {
            Skills = [.. Profile.Skills.Select(s => new SkillRow
            {
                SkillId = s.SkillId,
                Name = s.Mention,
                Label = s.Name,
                Recognised = s.Recognised,
                Level = s.Level,
                Years = ProfileForms.Format(s.Years),
                LastUsed = ProfileForms.Format(s.LastUsed),
                Source = s.Source,
                SourceName = s.SourceName,
            })];
        }

        if (newSkill)
        {
            NewSkill = new NewSkillForm();
        }

        if (preferences)
        {
            var p = Profile.Preferences;
            Preferences = new PreferencesForm
            {
                Seniority = p.Seniority,
                WorkModes = [.. p.WorkModes],
                Locations = [.. p.Locations.Select(l => new LocationRow { Country = l.Country, City = l.City })],
                WillingToRelocate = p.WillingToRelocate,
                SalaryAmount = ProfileForms.Format(p.MinimumSalary?.Amount),
                SalaryCurrency = p.MinimumSalary?.Currency ?? "EUR",
                SalaryPeriod = p.MinimumSalary?.Period ?? "Year",
                Visibility = p.Visibility,
            };
        }

        // One empty row to add a place with; saving it adds another.
        if (Preferences.Locations.Count == 0 || !string.IsNullOrWhiteSpace(Preferences.Locations[^1].Country))
        {
            Preferences.Locations.Add(new LocationRow());
        }
    }

    private static string RowField(string rest) => rest switch
    {
        ".SkillId" or ".Name" => ".Name",
        "" => ".Name",
        _ => rest,
    };

    private static string? PreferenceField(string field, List<int> keptLocations)
    {
        if (ProfileForms.Indexed(field, "Preferences.Locations") is { } at)
        {
            return at.Index < keptLocations.Count ? $"Preferences.Locations[{keptLocations[at.Index]}]{(at.Tail.Length == 0 ? ".Country" : at.Tail)}" : null;
        }

        return field switch
        {
            "Preferences.MinimumSalary.Amount" => "Preferences.SalaryAmount",
            "Preferences.MinimumSalary.Currency" => "Preferences.SalaryCurrency",
            "Preferences.MinimumSalary.Period" => "Preferences.SalaryPeriod",
            _ when field.StartsWith("Preferences.WorkModes", StringComparison.Ordinal) => "Preferences.WorkModes",
            _ when field.StartsWith("Preferences.", StringComparison.Ordinal) => field,
            _ => null,
        };
    }

    public sealed class AboutForm
    {
        public string? DisplayName { get; set; }

        public string? Headline { get; set; }

        public string? Summary { get; set; }
    }

    public sealed class SkillRow
    {
        public string? SkillId { get; set; }

        /// <summary>The mention as written; for an unrecognised skill, the skill itself.</summary>
        public string? Name { get; set; }

        public string? Label { get; set; }

        public bool Recognised { get; set; }

        public int Level { get; set; } = 3;

        public string? Years { get; set; }

        public string? LastUsed { get; set; }

        public string? Source { get; set; }

        public string? SourceName { get; set; }

        public bool Remove { get; set; }
    }

    public sealed class NewSkillForm
    {
        public string? Name { get; set; }

        /// <summary>Set by the script when the seeker picks a suggestion as they type.</summary>
        public string? SkillId { get; set; }

        /// <summary>Sent by a suggestion's button on the page without the script; wins over <see cref="SkillId"/>.</summary>
        public string? PickedId { get; set; }

        public bool KeepAsWritten { get; set; }

        public int Level { get; set; } = 3;

        public string? Years { get; set; }

        public string? LastUsed { get; set; }
    }

    public sealed class PreferencesForm
    {
        public string? Seniority { get; set; }

        public List<string> WorkModes { get; set; } = [];

        public List<LocationRow> Locations { get; set; } = [];

        public bool WillingToRelocate { get; set; }

        public string? SalaryAmount { get; set; }

        public string? SalaryCurrency { get; set; } = "EUR";

        public string? SalaryPeriod { get; set; } = "Year";

        public string? Visibility { get; set; } = "Applications";
    }

    public sealed class LocationRow
    {
        public string? Country { get; set; }

        public string? City { get; set; }
    }
}
