using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Matching.Web.Pages.Admin.Taxonomy;

/// <summary>The errors of the one form a post came from, by field, so each shows next to its field.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _byField = new(StringComparer.OrdinalIgnoreCase);

    public string? Form { get; private set; }

    public bool Any => _byField.Count > 0;

    public void Add(string form, IEnumerable<Error> errors, string fallbackField)
    {
        Form = form;
        foreach (var e in errors)
        {
            // "Change.Alias" or "Alias": the field as the form names it.
            string field = e.Field is { Length: > 0 } f ? f[(f.LastIndexOf('.') + 1)..] : fallbackField;
            _byField.TryAdd(field, e.Message);
        }
    }

    public string? For(string form, string field) => Form == form && _byField.TryGetValue(field, out var message) ? message : null;

    /// <summary>Messages of the form that no field of it shows.</summary>
    public IEnumerable<string> Others(string form, params string[] fields) =>
        Form == form ? _byField.Where(e => !fields.Contains(e.Key, StringComparer.OrdinalIgnoreCase)).Select(e => e.Value) : [];
}
