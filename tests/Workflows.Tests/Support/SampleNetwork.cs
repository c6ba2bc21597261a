using Workflows.Network;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Plan;

namespace Workflows.Tests.Support;

/// <summary>Small, complete registry entities for tests: one Bokmål and one Nynorsk network.</summary>
internal static class SampleNetwork
{
    public static CompetenceNetwork Network(string id = "testnett", NetworkLanguage language = NetworkLanguage.Bokmal) => new()
    {
        Id = id,
        Name = language == NetworkLanguage.Nynorsk ? "Testnettverket i Sogn" : "Testnettverket i palliasjon",
        Language = language,
        NetworkLeader = new Person("Nina Nettverksleder", $"leder@{id}.example"),
        MunicipalityPostBoxes = [new MunicipalityPostBox("Testkommune", "postmottak@testkommune.example")],
        StrategyUrl = new Uri("https://nettverk.example/strategi"),
        CompetencePlanUrl = new Uri("https://nettverk.example/kompetanseplan"),
        ELearningUrl = new Uri("https://nettverk.example/e-laering"),
    };

    public static LocalArea Area(string networkId = "testnett", string id = "testomrade") => new()
    {
        Id = id,
        NetworkId = networkId,
        Name = "Testområdet",
        AreaLeader = new Person("Åse Områdeleder", $"omrade@{networkId}.example"),
    };

    public static Unit Unit(string networkId = "testnett", string areaId = "testomrade", string id = "testenhet") => new()
    {
        Id = id,
        NetworkId = networkId,
        AreaId = areaId,
        Name = "Hjemmesykepleien Øst",
        UnitKind = UnitKind.HomeCare,
        Municipality = "Testkommune",
        NearestLeader = new Person("Lars Leder", $"leder.{id}@{networkId}.example"),
    };

    public static ResourceNurse Nurse(string networkId = "testnett", string unitId = "testenhet", string id = "rn-test000001") => new()
    {
        Id = id,
        NetworkId = networkId,
        UnitId = unitId,
        Name = "Siri Sykepleier",
        Email = "siri@testkommune.example",
        StartDate = new DateOnly(2026, 1, 5),
    };

    public static NurseContext Parties(NetworkLanguage language = NetworkLanguage.Bokmal)
    {
        var unit = Unit();
        return new NurseContext(Network(language: language), Area(), unit, Nurse(), unit.NearestLeader);
    }

    /// <summary>A wheel event of the test network on 08:00–14:30 UTC (09:00–15:30 in Norway in winter) of <paramref name="date"/>, over <paramref name="days"/> days.</summary>
    public static WheelOccurrence Occurrence(WheelEventKind kind, string title, DateOnly date, IReadOnlyList<Audience> audience, int days = 1, string? location = null) => new()
    {
        NetworkId = "testnett",
        EventId = kind.ToString().ToLowerInvariant(),
        Year = date.Year,
        Kind = kind,
        Title = title,
        Date = date,
        LastDate = date.AddDays(days - 1),
        Starts = new DateTimeOffset(date.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero),
        Ends = new DateTimeOffset(date.AddDays(days - 1).ToDateTime(new TimeOnly(14, 30)), TimeSpan.Zero),
        Location = location,
        Audience = audience,
        InvitationOn = date.AddDays(-35),
        RemindersOn = [],
        CalendarVersion = 1,
    };
}
