using Marketplace.Jobs.Application.Skills;

namespace Marketplace.Jobs.Application.Search;

/// <summary>
/// One term of a search as people type it: a word, or a "quoted phrase"; <see cref="Negated"/> for <c>-word</c>;
/// <see cref="SkillId"/> when the word (or a run of up to four words) names a skill, so "k8s" also finds postings that ask for
/// Kubernetes, whatever their text says.
/// </summary>
public sealed record SearchTerm(string Text, bool Phrase, bool Negated, string? SkillId);

/// <summary>Terms joined by "or": one of them must match.</summary>
public sealed record SearchClause(IReadOnlyList<SearchTerm> Alternatives);

/// <summary>
/// What someone typed into the search box, read the way web search engines do (and PostgreSQL's websearch_to_tsquery):
/// words must all match, "quoted words" match as a phrase, -word excludes, and "or" between two terms lets either match.
/// Unlike websearch_to_tsquery alone, a term that names a skill also matches the skill itself.
/// </summary>
public sealed record SearchText(IReadOnlyList<SearchClause> Clauses)
{
    public const int MaxLength = 300;
    private const int MaxSkillWords = 4;

    public static readonly SearchText Empty = new([]);

    public bool IsEmpty => Clauses.Count == 0;

    /// <summary>The skills the text names, for "showing postings that ask for Kubernetes".</summary>
    public IEnumerable<(string Text, string SkillId)> Skills =>
        Clauses.SelectMany(c => c.Alternatives).Where(t => t.SkillId is not null && !t.Negated).Select(t => (t.Text, t.SkillId!));

    public static SearchText Parse(string? text, SkillCatalog skills)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        var tokens = Tokenize(text.Length > MaxLength ? text[..MaxLength] : text);
        var terms = RecognizeSkills(tokens, skills);
        return new SearchText(Group(terms));
    }

    private sealed record Token(string Text, bool Phrase, bool Negated, bool Or);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var negated = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                negated = true;
                i++;
            }

            if (text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                var phrase = (end < 0 ? text[(i + 1)..] : text[(i + 1)..end]).Trim();
                i = end < 0 ? text.Length : end + 1;
                if (phrase.Length > 0)
                {
                    tokens.Add(new Token(phrase, Phrase: true, negated, Or: false));
                }

                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i++;
            }

            var word = text[start..i].Trim('-');
            if (word.Length == 0)
            {
                continue;
            }

            var isOr = !negated && string.Equals(word, "or", StringComparison.OrdinalIgnoreCase);
            tokens.Add(new Token(word, Phrase: false, negated, isOr));
        }

        return tokens;
    }

    /// <summary>Runs of plain words are read for skills, longest first: "asp.net core" is one skill, "python developer" is Python and a word.</summary>
    private static List<(SearchTerm? Term, bool Or)> RecognizeSkills(List<Token> tokens, SkillCatalog skills)
    {
        var result = new List<(SearchTerm?, bool)>();
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (token.Or)
            {
                result.Add((null, true));
                i++;
                continue;
            }

            if (token.Phrase || token.Negated)
            {
                result.Add((new SearchTerm(token.Text, token.Phrase, token.Negated, token.Negated && !token.Phrase ? skills.Recognize(token.Text)?.SkillId : null), false));
                i++;
                continue;
            }

            var taken = 1;
            SkillRef? skill = null;
            for (var length = Math.Min(MaxSkillWords, PlainRun(tokens, i)); length >= 1 && skill is null; length--)
            {
                skill = skills.Recognize(string.Join(' ', tokens.Skip(i).Take(length).Select(t => t.Text)));
                taken = length;
            }

            var text = string.Join(' ', tokens.Skip(i).Take(taken).Select(t => t.Text));
            // Several words that name one skill are also a phrase in the text ("spring boot").
            result.Add((new SearchTerm(text, Phrase: taken > 1, Negated: false, skill?.SkillId), false));
            i += taken;
        }

        return result;
    }

    private static int PlainRun(List<Token> tokens, int from)
    {
        var length = 0;
        while (from + length < tokens.Count && tokens[from + length] is { Phrase: false, Negated: false, Or: false })
        {
            length++;
        }

        return length;
    }

    private static List<SearchClause> Group(List<(SearchTerm? Term, bool Or)> terms)
    {
        var clauses = new List<List<SearchTerm>>();
        var joinNext = false;
        foreach (var (term, isOr) in terms)
        {
            if (isOr)
            {
                joinNext = clauses.Count > 0;
                continue;
            }

            if (joinNext)
            {
                clauses[^1].Add(term!);
            }
            else
            {
                clauses.Add([term!]);
            }

            joinNext = false;
        }

        return [.. clauses.Select(c => new SearchClause(c))];
    }
}
