using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Workflows.Network;

/// <summary>Field checks shared by the registry's entities; each yields the field name and what is wrong.</summary>
internal static partial class RegistryChecks
{
    public static IEnumerable<KeyValuePair<string, string>> Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return new(field, "Required.");
        }
        else if (value.Length > 200)
        {
            yield return new(field, "At most 200 characters.");
        }
    }

    public static IEnumerable<KeyValuePair<string, string>> Slug(string field, string? value)
    {
        if (string.IsNullOrEmpty(value) || !SlugPattern().IsMatch(value))
        {
            yield return new(field, "Use 2 to 40 lowercase letters, digits and '-', starting with a letter.");
        }
    }

    public static IEnumerable<KeyValuePair<string, string>> Email(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return new(field, "Required.");
        }
        else if (!IsEmail(value))
        {
            yield return new(field, $"'{value}' is not an email address.");
        }
    }

    public static IEnumerable<KeyValuePair<string, string>> Person(string field, Person? person) =>
        person is null
            ? [new(field, "Required.")]
            : Required($"{field}.{nameof(person.Name)}", person.Name).Concat(Email($"{field}.{nameof(person.Email)}", person.Email));

    public static IEnumerable<KeyValuePair<string, string>> People(string field, IReadOnlyList<Person>? people) =>
        (people ?? []).SelectMany((person, i) => Person($"{field}[{i}]", person));

    private static bool IsEmail(string value) =>
        value.Length <= 254
        && !value.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(value, out var parsed)
        && parsed.Address == value
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex SlugPattern();
}
