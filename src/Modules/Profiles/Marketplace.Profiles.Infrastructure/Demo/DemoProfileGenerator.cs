using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marketplace.Profiles.Domain.Preferences;
using Marketplace.Profiles.Domain.Profiles;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Profiles.Infrastructure.Demo;

/// <summary>A demo seeker: the profile's content, and for the demo accounts a CV text that says the same.</summary>
internal sealed record DemoPerson(Guid Id, ProfileDetails Details, string? CvText);

/// <summary>
/// Believable seekers for a demo, the same for the same seed and year: a home city weighted by where backend developers
/// are, a seniority with a career length to match, a stack that goes together (an anchor language or framework, what it
/// implies, some of its related skills, a database, often cloud and containers, tools), levels and years that fit the
/// career, and preferences and salaries that fit the country. A few name tools the taxonomy does not know.
/// </summary>
internal sealed class DemoProfileGenerator
{
    // What backend developers build on, weighted roughly by how many do; an anchor brings what it implies (Spring Boot
    // brings Java). Ids the taxonomy lacks are skipped.
    private static readonly (string Id, double Weight)[] Anchors =
    [
        ("java", 14), ("spring-boot", 10), ("csharp", 10), ("aspnet-core", 10), ("python", 8), ("django", 4), ("fastapi", 4),
        ("flask", 2), ("nodejs", 6), ("typescript", 5), ("express", 3), ("nestjs", 3), ("go", 8), ("kotlin", 5), ("php", 3),
        ("laravel", 3), ("symfony", 1), ("ruby", 2), ("rails", 3), ("rust", 3), ("scala", 2), ("elixir", 1), ("cpp", 1),
    ];

    private static readonly (string Category, double Chance)[] SideCategories =
    [
        ("database", 0.95), ("cloud", 0.65), ("container", 0.6), ("ci-cd", 0.45), ("messaging", 0.35), ("testing", 0.45),
        ("observability", 0.3), ("cache", 0.3), ("architecture", 0.4), ("api", 0.35), ("tool", 0.5), ("security", 0.15),
        ("data", 0.15), ("os", 0.2),
    ];

    // Tools of the kind seekers list and a general taxonomy lacks; only those the taxonomy really does not know are used.
    private static readonly string[] InHouseTools =
        ["Temenos T24", "Guidewire PolicyCenter", "Pega PRPA", "OutSystems", "Mendix", "Sitecore XP", "Hybris Commerce", "IBM Maximo", "Avaloq", "Murex"];

    private static readonly string[] Domains =
        ["payments", "logistics", "healthcare", "e-commerce", "public-sector", "telecoms", "gaming", "energy", "insurance", "travel", "banking", "media"];

    private static readonly Country[] Countries =
    [
        new("DE", 20, "EUR", PayPeriod.Year, 72_000, ["Berlin", "Munich", "Hamburg", "Frankfurt", "Cologne", "Stuttgart", "Leipzig"],
            ["Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Paul", "Sophie", "Maximilian", "Laura", "Tobias", "Katharina"],
            ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch", "Richter", "Wolf"]),
        new("NL", 10, "EUR", PayPeriod.Year, 68_000, ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "The Hague"],
            ["Daan", "Emma", "Sem", "Julia", "Lars", "Sanne", "Bram", "Fleur", "Thijs", "Lotte"],
            ["de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer"]),
        new("FR", 8, "EUR", PayPeriod.Year, 56_000, ["Paris", "Lyon", "Toulouse", "Nantes", "Lille", "Bordeaux"],
            ["Hugo", "Camille", "Louis", "Chloé", "Gabriel", "Manon", "Arthur", "Inès", "Lucas", "Léa"],
            ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"]),
        new("ES", 8, "EUR", PayPeriod.Year, 46_000, ["Madrid", "Barcelona", "Valencia", "Seville", "Málaga"],
            ["Pablo", "Lucía", "Alejandro", "María", "Daniel", "Paula", "Javier", "Carmen", "Sergio", "Elena"],
            ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz"]),
        new("PT", 5, "EUR", PayPeriod.Year, 40_000, ["Lisbon", "Porto", "Braga", "Coimbra"],
            ["João", "Beatriz", "Rodrigo", "Mariana", "Tiago", "Inês", "Diogo", "Sofia"],
            ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins"]),
        new("IT", 5, "EUR", PayPeriod.Year, 44_000, ["Milan", "Rome", "Turin", "Bologna", "Florence"],
            ["Marco", "Giulia", "Luca", "Chiara", "Matteo", "Francesca", "Andrea", "Sara"],
            ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"]),
        new("PL", 10, "PLN", PayPeriod.Month, 21_000, ["Warsaw", "Kraków", "Wrocław", "Gdańsk", "Poznań"],
            ["Jakub", "Zuzanna", "Kacper", "Julia", "Michał", "Maja", "Piotr", "Aleksandra", "Tomasz", "Natalia"],
            ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak"]),
        new("GB", 12, "GBP", PayPeriod.Year, 72_000, ["London", "Manchester", "Edinburgh", "Bristol", "Leeds", "Cambridge"],
            ["Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Mia", "Noah", "Grace"],
            ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Evans"]),
        new("SE", 4, "SEK", PayPeriod.Month, 62_000, ["Stockholm", "Gothenburg", "Malmö"],
            ["Erik", "Elsa", "Oscar", "Alice", "William", "Maja", "Hugo", "Ebba"],
            ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson"]),
        new("IE", 3, "EUR", PayPeriod.Year, 74_000, ["Dublin", "Cork", "Galway"],
            ["Seán", "Aoife", "Conor", "Niamh", "Cian", "Saoirse"],
            ["Murphy", "Kelly", "O'Sullivan", "Walsh", "O'Brien", "Byrne"]),
        new("US", 10, "USD", PayPeriod.Year, 150_000, ["New York", "Austin", "Seattle", "Chicago", "Denver", "Boston"],
            ["James", "Olivia", "Ethan", "Emma", "Michael", "Sophia", "Daniel", "Ava", "Ryan", "Madison"],
            ["Johnson", "Miller", "Davis", "Garcia", "Anderson", "Thompson", "White", "Harris", "Clark", "Lewis"]),
        new("CH", 3, "CHF", PayPeriod.Year, 118_000, ["Zurich", "Basel", "Geneva", "Bern"],
            ["Luca", "Mia", "Noah", "Lina", "Leon", "Elena"],
            ["Meier", "Keller", "Huber", "Brunner", "Baumann", "Frei"]),
    ];

    private readonly SkillTaxonomy _taxonomy;
    private readonly int _seed;
    private readonly int _year;
    private readonly Sampler<Skill> _anchors;
    private readonly Dictionary<string, Sampler<Skill>> _byCategory;
    private readonly Sampler<Country> _countries;
    private readonly string[] _unknownTools;

    public DemoProfileGenerator(SkillTaxonomy taxonomy, int seed, int year)
    {
        _taxonomy = taxonomy;
        _seed = seed;
        _year = year;
        // Popularity spans orders of magnitude; its square root keeps the long tail in the demo.
        _anchors = new Sampler<Skill>([.. Anchors.Where(a => taxonomy.Find(a.Id) is not null).Select(a => (taxonomy.Find(a.Id)!, a.Weight))]);
        _byCategory = taxonomy.Skills.GroupBy(s => s.Category)
            .ToDictionary(g => g.Key, g => new Sampler<Skill>([.. g.Select(s => (s, Math.Sqrt(s.Popularity)))]));
        _countries = new Sampler<Country>([.. Countries.Select(c => (c, (double)c.Weight))]);
        _unknownTools = [.. InHouseTools.Where(t => taxonomy.Extract(t).Count == 0)];
    }

    /// <summary>The id of the n-th demo profile: the same on every machine, and no real user's (those are version 7).</summary>
    public static Guid DemoId(int n)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"marketplace-demo-profile:{n}"));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80); // version 8 (custom), as RFC 9562 allows
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>The n-th person; <paramref name="complete"/> fills every completeness step and writes a CV (the demo accounts).</summary>
    public DemoPerson Generate(int n, Guid id, bool complete = false)
    {
        // HashCode is randomized per process; this mix is not.
        var rng = new Random(unchecked((_seed * 1_000_003) + n));
        var country = _countries.Next(rng);
        var city = Pick(rng, country.Cities);
        var name = $"{Pick(rng, country.FirstNames)} {Pick(rng, country.LastNames)}";
        var seniority = rng.NextDouble() switch { < 0.2 => Seniority.Junior, < 0.55 => Seniority.Mid, < 0.88 => Seniority.Senior, _ => Seniority.Lead };
        var career = seniority switch
        {
            Seniority.Junior => 0.5 + rng.NextDouble() * 2,
            Seniority.Mid => 2 + rng.NextDouble() * 4,
            Seniority.Senior => 5 + rng.NextDouble() * 7,
            _ => 8 + rng.NextDouble() * 12,
        };

        var stack = Stack(rng);
        var skills = new List<SkillEntry>();
        for (var i = 0; i < stack.Count; i++)
        {
            var skill = stack[i];
            // The anchor is used longest and known best; later skills less so.
            var share = i == 0 ? 0.8 + rng.NextDouble() * 0.2 : 0.2 + rng.NextDouble() * 0.7;
            var years = Math.Max(0.5, Math.Round(career * share * 2) / 2);
            var level = Math.Clamp((int)Math.Round(1.4 + years / 2.2 + (rng.NextDouble() - 0.5)) + (i == 0 ? 1 : 0), 1, 5);
            int? lastUsed = rng.NextDouble() < 0.8 || i == 0 ? _year : _year - rng.Next(1, Math.Max(2, Math.Min(6, (int)career + 1)));
            skills.Add(new SkillEntry(skill.Id, skill.Name, (SkillLevel)level,
                complete || rng.NextDouble() < 0.8 ? (decimal)years : null, complete || rng.NextDouble() < 0.7 ? lastUsed : null));
        }

        if (_unknownTools.Length > 0 && rng.NextDouble() < 0.04)
        {
            skills.Add(new SkillEntry(null, Pick(rng, _unknownTools), (SkillLevel)rng.Next(2, 5), (decimal)Math.Max(1, Math.Round(career / 2)), null));
        }

        var workModes = rng.NextDouble() switch
        {
            < 0.3 => new[] { WorkMode.Remote },
            < 0.65 => [WorkMode.Remote, WorkMode.Hybrid],
            < 0.8 => [WorkMode.Hybrid, WorkMode.OnSite],
            < 0.9 => [WorkMode.Hybrid],
            _ => [WorkMode.Remote, WorkMode.Hybrid, WorkMode.OnSite],
        };
        var locations = new List<PreferredLocation> { new(country.Code, city) };
        if (rng.NextDouble() < 0.2 && country.Cities.Length > 1)
        {
            locations.Add(new PreferredLocation(country.Code, Pick(rng, [.. country.Cities.Where(c => c != city)])));
        }

        var factor = seniority switch { Seniority.Junior => 0.6, Seniority.Mid => 0.8, Seniority.Senior => 1.0, _ => 1.2 };
        var step = country.Period == PayPeriod.Month ? 500 : 1_000;
        var amount = Math.Round(country.SalaryBase * factor * (0.85 + rng.NextDouble() * 0.3) / step) * step;
        var preferences = new JobPreferences
        {
            Seniority = seniority,
            WorkModes = workModes,
            Locations = locations,
            WillingToRelocate = rng.NextDouble() < 0.25,
            MinimumSalary = complete || rng.NextDouble() < 0.85 ? new SalaryExpectation((decimal)amount, country.Currency, country.Period) : null,
            Visibility = complete ? ProfileVisibility.Discoverable : rng.NextDouble() switch
            {
                < 0.7 => ProfileVisibility.Discoverable,
                < 0.95 => ProfileVisibility.Applications,
                _ => ProfileVisibility.Private,
            },
        };

        var domain = Pick(rng, Domains);
        var role = Role(stack);
        var top = string.Join(", ", stack.Take(3).Select(s => s.Name));
        var title = $"{Title(seniority)}{role}";
        var headline = $"{char.ToUpperInvariant(title[0])}{title[1..]} · {top}";
        var database = stack.FirstOrDefault(s => s.Category == "database");
        var platform = stack.FirstOrDefault(s => s.Category is "cloud" or "container");
        var wants = workModes.SequenceEqual([WorkMode.Remote]) ? "remote roles" : $"{string.Join(" or ", workModes.Select(Describe))} roles around {city}";
        var summary =
            $"I build **{domain}** systems with {stack[0].Name}{(database is null ? "" : $" and {database.Name}")}. " +
            $"{Math.Round(career)} years in software{(platform is null ? "" : $", lately running services on {platform.Name}")}.\n\n" +
            $"Looking for {wants}.";
        var details = new ProfileDetails(
            name,
            complete || rng.NextDouble() < 0.9 ? headline : null,
            complete || rng.NextDouble() < 0.85 ? summary : null,
            skills,
            preferences);
        return new DemoPerson(id, details, complete ? Cv(name, city, country.Code, seniority, career, domain, skills) : null);
    }

    private List<Skill> Stack(Random rng)
    {
        var set = new List<Skill>();
        void Add(Skill skill)
        {
            if (!set.Contains(skill)) set.Add(skill);
        }

        var anchor = _anchors.Next(rng);
        Add(anchor);
        foreach (var i in _taxonomy.ImpliedBy(anchor)) Add(_taxonomy[i]);
        foreach (var (i, similarity) in _taxonomy.RelatedTo(anchor))
        {
            if (rng.NextDouble() < similarity * 0.5) Add(_taxonomy[i]);
        }

        foreach (var (category, chance) in SideCategories)
        {
            if (_byCategory.TryGetValue(category, out var sampler) && rng.NextDouble() < chance) Add(sampler.Next(rng));
        }

        // Enough for a complete profile, and not more than people list.
        while (set.Count < 5) Add(_anchors.Next(rng));
        return set.Count > 14 ? set[..14] : set;
    }

    private static string Role(List<Skill> stack) =>
        stack.Count(s => s.Category is "cloud" or "container" or "ci-cd" or "observability") >= 3 ? "platform engineer"
        : stack.Count(s => s.Category == "data") >= 2 ? "data engineer"
        : "backend engineer";

    private static string Title(Seniority seniority) => seniority switch
    {
        Seniority.Junior => "Junior ",
        Seniority.Mid => "",
        Seniority.Senior => "Senior ",
        _ => "Lead ",
    };

    private static string Describe(WorkMode mode) => mode switch
    {
        WorkMode.OnSite => "on-site",
        _ => mode.ToString().ToLowerInvariant(),
    };

    private string Cv(string name, string city, string country, Seniority seniority, double career, string domain, List<SkillEntry> skills)
    {
        var recognised = skills.Where(s => s.SkillId is not null).ToList();
        var start = _year - (int)Math.Ceiling(career);
        var middle = Math.Max(start, _year - Math.Max(1, (int)Math.Round(career / 2)));
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"{name}");
        var title = $"{Title(seniority)}{Role(recognised.Select(s => _taxonomy.Find(s.SkillId!)!).ToList())}";
        builder.AppendLine(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(title[0])}{title[1..]}, {city}, {Marketplace.Profiles.Domain.Preferences.Countries.NameOf(country)}");
        builder.AppendLine();
        builder.AppendLine("Experience");
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"Backend engineer, Northwind {char.ToUpperInvariant(domain[0])}{domain[1..]} ({middle} – present)");
        foreach (var skill in recognised.Take(4))
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"- Built and ran services with {skill.Mention}{(skill.Years is { } y ? $" ({y.ToString("0.#", CultureInfo.InvariantCulture)} years)" : "")}.");
        }

        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"Software developer, Contoso Systems ({start} – {middle})");
        foreach (var skill in recognised.Skip(4))
        {
            builder.AppendLine(CultureInfo.InvariantCulture, $"- Worked with {skill.Mention} in production.");
        }

        return builder.ToString();
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private sealed record Country(
        string Code, int Weight, string Currency, PayPeriod Period, double SalaryBase, string[] Cities, string[] FirstNames, string[] LastNames);

    private sealed class Sampler<T>
    {
        private readonly T[] _items;
        private readonly double[] _cumulative;

        public Sampler(IReadOnlyList<(T Item, double Weight)> weighted)
        {
            _items = [.. weighted.Select(w => w.Item)];
            _cumulative = new double[_items.Length];
            double sum = 0;
            for (var i = 0; i < _items.Length; i++)
            {
                sum += weighted[i].Weight;
                _cumulative[i] = sum;
            }
        }

        public T Next(Random rng)
        {
            var x = rng.NextDouble() * _cumulative[^1];
            var i = Array.BinarySearch(_cumulative, x);
            return _items[i < 0 ? Math.Min(~i, _items.Length - 1) : i];
        }
    }
}
