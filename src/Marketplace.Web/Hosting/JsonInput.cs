using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Marketplace.Web.Hosting;

/// <summary>
/// Rules for every JSON body the API reads, so a value no handler expects fails at binding, as a 400 naming the field,
/// instead of deep in a validator, a handler or PostgreSQL: no NUL character or unpaired surrogate in text (PostgreSQL
/// stores neither) and no null entry in a list (validators and handlers take a list's entries as present). Checked
/// after each object is read, through the serializer's contract, so the converters (and the OpenAPI schemas made from
/// them) stay the built-in ones.
/// </summary>
public static class JsonInput
{
    public static void Configure(JsonSerializerOptions options) =>
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(CheckAfterReading);

    /// <summary>Text PostgreSQL can store: no NUL character, no unpaired UTF-16 surrogate.</summary>
    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0' || char.IsLowSurrogate(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    private static void CheckAfterReading(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var checkedProperties = type.Properties
            .Where(p => p.Get is not null && (p.PropertyType == typeof(string) || IsList(p.PropertyType)))
            .ToList();
        if (checkedProperties.Count == 0)
        {
            return;
        }

        var earlier = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            earlier?.Invoke(value);
            foreach (var property in checkedProperties)
            {
                Check(property.Name, property.Get!(value));
            }
        };
    }

    private static void Check(string field, object? value)
    {
        switch (value)
        {
            case string text when !IsStorable(text):
                throw new UnreadableJsonValueException(field, "Text must not contain NUL characters or unpaired surrogates.");
            case IEnumerable entries and not string:
                var index = 0;
                foreach (var entry in entries)
                {
                    if (entry is null)
                    {
                        throw new UnreadableJsonValueException($"{field}[{index}]", "A list must not have null entries.");
                    }

                    if (entry is string text && !IsStorable(text))
                    {
                        throw new UnreadableJsonValueException($"{field}[{index}]", "Text must not contain NUL characters or unpaired surrogates.");
                    }

                    index++;
                }

                break;
        }
    }

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && !typeof(IDictionary).IsAssignableFrom(type);
}

/// <summary>A value in a JSON body that was read but breaks <see cref="JsonInput"/>'s rules; the field is relative to its object.</summary>
public sealed class UnreadableJsonValueException(string field, string message) : JsonException(message)
{
    public string Field { get; } = field;
}
