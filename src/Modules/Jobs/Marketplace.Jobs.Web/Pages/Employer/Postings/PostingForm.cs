using System.ComponentModel.DataAnnotations;
using Marketplace.Jobs.Application.Postings;
using Marketplace.Jobs.Application.Postings.Create;
using Marketplace.Jobs.Application.Postings.Edit;

namespace Marketplace.Jobs.Web.Pages.Employer.Postings;

/// <summary>
/// The posting form, shaped like the API's request so that every message the commands give lands next to its field
/// ("Skills[1].Skill" is Input.Skills[1].Skill). Empty rows are dropped before sending and the form shows the rows that
/// were sent, so an error's index is the row it is about.
/// </summary>
public sealed class PostingForm
{
    public const int EmptySkillRows = 3;
    public const int MoreRows = 5;

    public int Version { get; set; }

    [Display(Name = "Job title")]
    public string? Title { get; set; }

    [Display(Name = "Company")]
    public string? Company { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }

    public string Seniority { get; set; } = "Mid";

    public string WorkMode { get; set; } = "Hybrid";

    public List<PlaceRow> Locations { get; set; } = [];

    [Display(Name = "Countries a remote hire may live in")]
    public string? AcceptedCountries { get; set; }

    public SalaryRow Salary { get; set; } = new();

    public List<SkillRow> Skills { get; set; } = [];

    public sealed class PlaceRow
    {
        public string? City { get; set; }

        public string? Country { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(City) && string.IsNullOrWhiteSpace(Country);
    }

    public sealed class SalaryRow
    {
        public decimal? Min { get; set; }

        public decimal? Max { get; set; }

        public string? Currency { get; set; } = "EUR";

        public string? Period { get; set; } = "Year";
    }

    public sealed class SkillRow
    {
        public string? Skill { get; set; }

        public bool Required { get; set; } = true;

        public int MinLevel { get; set; } = SkillInput.DefaultLevel;

        public int Weight { get; set; } = SkillInput.DefaultRequiredWeight;

        public bool Dealbreaker { get; set; }

        /// <summary>The canonical skill the text resolved to, shown beside it ("k8s: Kubernetes"); not posted back as truth.</summary>
        public string? Resolved { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Skill);
    }

    public static PostingForm From(PostingDto posting) => new()
    {
        Version = posting.Version,
        Title = posting.Title,
        Company = posting.Company,
        Description = posting.Description,
        Seniority = posting.Seniority,
        WorkMode = posting.WorkMode,
        Locations = [.. posting.Locations.Select(l => new PlaceRow { City = l.City, Country = l.Country })],
        AcceptedCountries = string.Join(", ", posting.AcceptedCountries),
        Salary = new SalaryRow { Min = posting.Salary.Min, Max = posting.Salary.Max, Currency = posting.Salary.Currency, Period = posting.Salary.Period },
        Skills = [.. posting.Skills.Select(s => new SkillRow
        {
            Skill = s.Name, Required = s.Required, MinLevel = s.MinLevel, Weight = s.Weight, Dealbreaker = s.Dealbreaker, Resolved = s.Name,
        })],
    };

    /// <summary>Drops the empty rows, so what is shown is what was sent.</summary>
    public void Compact()
    {
        Locations = [.. Locations.Where(l => !l.IsEmpty)];
        Skills = [.. Skills.Where(s => !s.IsEmpty)];
    }

    /// <summary>Empty rows to fill in: a few skills and one place, more when asked for.</summary>
    public void Pad(int extraSkills = EmptySkillRows)
    {
        for (var i = 0; i < extraSkills; i++)
        {
            Skills.Add(new SkillRow { Required = Skills.Count(s => !s.IsEmpty) + i < 3 });
        }

        if (Locations.Count == 0 || extraSkills > EmptySkillRows)
        {
            Locations.Add(new PlaceRow());
        }
    }

    public CreatePosting ToCreate(bool publish) => new(
        Title, Company, Description, Seniority, WorkMode, Places(), Countries(), SalaryInput(), SkillInputs(), publish);

    public EditPosting ToEdit(Guid id, bool publish) => new(
        Version, Title, Company, Description, Seniority, WorkMode, Places(), Countries(), SalaryInput(), SkillInputs(), publish) { Id = id };

    /// <summary>Where the command's field names differ from the form's (a list of countries is one text box here).</summary>
    public static string FieldOf(string commandField) =>
        commandField.StartsWith(nameof(AcceptedCountries), StringComparison.Ordinal) ? nameof(AcceptedCountries) : commandField;

    private List<PlaceInput> Places() => [.. Locations.Where(l => !l.IsEmpty).Select(l => new PlaceInput(l.City, l.Country))];

    /// <summary>Codes or English names, separated by commas; a name the list does not know is passed on as typed, for the domain to name it.</summary>
    private List<string> Countries() =>
    [
        .. (AcceptedCountries ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => PostingOptions.CountryCode(c) ?? c),
    ];

    private SalaryInput SalaryInput() => new(Salary.Min, Salary.Max, Salary.Currency, Salary.Period);

    private List<SkillInput> SkillInputs() =>
        [.. Skills.Where(s => !s.IsEmpty).Select(s => new SkillInput(s.Skill, s.Required, s.MinLevel, s.Weight, s.Dealbreaker))];
}
