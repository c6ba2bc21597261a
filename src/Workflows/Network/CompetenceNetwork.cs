using System.Text.Json.Serialization;

namespace Workflows.Network;

/// <summary>
/// A competence network in palliative care: led by a network leader with a working group, governed by a steering
/// group, writing Bokmål or Nynorsk, and sending its annual report to every municipality's post box.
/// </summary>
public sealed record CompetenceNetwork : IRegistryEntity
{
    /// <inheritdoc />
    public static string Kind => "network";

    /// <summary>A short lowercase id used in URLs and instance ids, such as <c>ahus</c> or <c>helse-forde</c>.</summary>
    public required string Id { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public string NetworkId => Id;

    /// <summary>The network's name as it signs its letters.</summary>
    public required string Name { get; init; }

    /// <summary>The language of everything the network sends.</summary>
    public NetworkLanguage Language { get; init; }

    /// <summary>The network leader, who signs function descriptions last and receives escalations.</summary>
    public required Person NetworkLeader { get; init; }

    /// <summary>The working group (arbeidsgruppe / driftsgruppe) running the network with its leader.</summary>
    public IReadOnlyList<Person> WorkingGroup { get; init; } = [];

    /// <summary>The steering group (styringsgruppe / klinisk samarbeidsutval).</summary>
    public IReadOnlyList<Person> SteeringGroup { get; init; } = [];

    /// <summary>The municipalities' post boxes.</summary>
    public IReadOnlyList<MunicipalityPostBox> MunicipalityPostBoxes { get; init; } = [];

    /// <summary>Where the network's strategy is published; linked from the welcome email.</summary>
    public Uri? StrategyUrl { get; init; }

    /// <summary>Where the network's competence plan is published; linked from the welcome email.</summary>
    public Uri? CompetencePlanUrl { get; init; }

    /// <summary>The e-learning course recommended to new nurses.</summary>
    public Uri? ELearningUrl { get; init; }

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> Validate()
    {
        foreach (var fault in RegistryChecks.Slug(nameof(Id), Id))
        {
            yield return fault;
        }

        foreach (var fault in RegistryChecks.Required(nameof(Name), Name))
        {
            yield return fault;
        }

        foreach (var fault in RegistryChecks.Person(nameof(NetworkLeader), NetworkLeader))
        {
            yield return fault;
        }

        foreach (var fault in RegistryChecks.People(nameof(WorkingGroup), WorkingGroup).Concat(RegistryChecks.People(nameof(SteeringGroup), SteeringGroup)))
        {
            yield return fault;
        }

        var boxes = MunicipalityPostBoxes ?? [];
        for (var i = 0; i < boxes.Count; i++)
        {
            var box = boxes[i];
            var field = $"{nameof(MunicipalityPostBoxes)}[{i}]";
            foreach (var fault in RegistryChecks.Required($"{field}.{nameof(box.Municipality)}", box?.Municipality)
                .Concat(RegistryChecks.Email($"{field}.{nameof(box.Email)}", box?.Email)))
            {
                yield return fault;
            }
        }

        foreach (var (field, url) in new[] { (nameof(StrategyUrl), StrategyUrl), (nameof(CompetencePlanUrl), CompetencePlanUrl), (nameof(ELearningUrl), ELearningUrl) })
        {
            if (url is not null && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http")))
            {
                yield return new(field, "Must be an absolute http(s) address.");
            }
        }
    }
}
