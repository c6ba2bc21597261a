using System.Text.Json;
using Workflows.Network.Storage;

namespace Workflows.Adapters.Tests.Registry;

/// <summary>The registry store contract, written once and run against SQLite and Azure Tables (Azurite) alike.</summary>
public abstract class RegistryStoreConformance : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero);

    protected IRegistryStore Store { get; private set; } = null!;

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    protected abstract Task<IRegistryStore> CreateStoreAsync();

    private static RegistryRecord Nurse(string id, string network = "ahus", string name = "Åse Ødegård", long version = 0) =>
        new("nurse", id, network, JsonSerializer.Serialize(new { id, networkId = network, name }), version);

    private static AuditEntry Audit(RegistryRecord record, string action, string? before = null, string actor = "operator") =>
        new(Noon, actor, record.Kind, record.Id, record.NetworkId, action, AuditChanges.Between(before, action == "deleted" ? null : record.Json));

    private static string? NameIn(string? json) => json is null ? null : JsonSerializer.Deserialize<string>(json);

    private static string NameOf(RegistryRecord? record) => JsonDocument.Parse(record!.Json).RootElement.GetProperty("name").GetString()!;

    private async Task<long> WriteAsync(RegistryRecord record, string action = "created", string? before = null) =>
        await Store.WriteAsync(record, Audit(record, action, before));

    [Fact]
    public async Task Insert_ThenGet_RoundTripsTheRecordAtVersionOne()
    {
        var nurse = Nurse("rn-a000000001");

        var version = await WriteAsync(nurse);
        var read = await Store.GetAsync("nurse", "rn-a000000001");

        Assert.Equal(1, version);
        Assert.Equal(nurse with { Version = 1 }, read);
        Assert.Null(await Store.GetAsync("nurse", "rn-missing0001"));
        Assert.Null(await Store.GetAsync("unit", "rn-a000000001"));
    }

    [Fact]
    public async Task InsertingAnExistingId_IsAConflict_AndLeavesTheFirstAndItsTrail()
    {
        await WriteAsync(Nurse("rn-a000000001"));

        await Assert.ThrowsAsync<RegistryConflictException>(() => WriteAsync(Nurse("rn-a000000001", name: "Bjørn")));

        Assert.Equal("Åse Ødegård", NameOf(await Store.GetAsync("nurse", "rn-a000000001")));
        Assert.Single(await Store.ReadAuditAsync("nurse", "rn-a000000001"));
    }

    [Fact]
    public async Task Replace_AtTheReadVersion_Wins_AndAStaleOrMissingVersionIsAConflict()
    {
        var first = Nurse("rn-a000000001");
        await WriteAsync(first);

        var second = await WriteAsync(Nurse("rn-a000000001", name: "Åse Ødegård Berg", version: 1), "updated", first.Json);
        var stale = await Assert.ThrowsAsync<RegistryConflictException>(() => WriteAsync(Nurse("rn-a000000001", name: "Stale", version: 1), "updated"));
        await Assert.ThrowsAsync<RegistryConflictException>(() => WriteAsync(Nurse("rn-missing0001", version: 1), "updated"));

        Assert.Equal(2, second);
        Assert.Contains("read it again", stale.Message, StringComparison.Ordinal);
        var read = (await Store.GetAsync("nurse", "rn-a000000001"))!;
        Assert.Equal(2, read.Version);
        Assert.Equal("Åse Ødegård Berg", NameOf(read));
        Assert.Equal(2, (await Store.ReadAuditAsync("nurse", "rn-a000000001")).Count);
    }

    [Fact]
    public async Task ConcurrentReplaces_AtOneVersion_ExactlyOneWins()
    {
        await WriteAsync(Nurse("rn-a000000001"));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                await WriteAsync(Nurse("rn-a000000001", name: $"Writer {i}", version: 1), "updated");
                return true;
            }
            catch (RegistryConflictException)
            {
                return false;
            }
        }));

        Assert.Single(attempts, won => won);
        Assert.Equal(2, (await Store.ReadAuditAsync("nurse", "rn-a000000001")).Count);
    }

    [Fact]
    public async Task List_GivesOneKind_OfOneNetworkOrAll_InIdOrder_WithoutDeleted()
    {
        foreach (var (id, network) in new[] { ("rn-c000000003", "ahus"), ("rn-a000000001", "ahus"), ("rn-b000000002", "helse-forde"), ("rn-d000000004", "ahus") })
        {
            await WriteAsync(Nurse(id, network));
        }

        await Store.WriteAsync(new RegistryRecord("unit", "ahus-unit", "ahus", "{}", 0), Audit(Nurse("ahus-unit"), "created"));
        await Store.DeleteAsync("nurse", "rn-d000000004", 1, Audit(Nurse("rn-d000000004"), "deleted"));

        var ahus = await Store.ListAsync("nurse", "ahus");
        var all = await Store.ListAsync("nurse", null);

        Assert.Equal(["rn-a000000001", "rn-c000000003"], ahus.Select(r => r.Id));
        Assert.Equal(["rn-a000000001", "rn-b000000002", "rn-c000000003"], all.Select(r => r.Id));
        Assert.Empty(await Store.ListAsync("area", null));
    }

    [Fact]
    public async Task Delete_AtTheReadVersion_RemovesIt_AndAReCreateStartsAtVersionOneWithTheTrailInOrder()
    {
        var nurse = Nurse("rn-a000000001");
        await WriteAsync(nurse);
        await WriteAsync(Nurse("rn-a000000001", name: "Berg", version: 1), "updated", nurse.Json);

        await Assert.ThrowsAsync<RegistryConflictException>(() => Store.DeleteAsync("nurse", "rn-a000000001", 1, Audit(nurse, "deleted")));
        await Store.DeleteAsync("nurse", "rn-a000000001", 2, Audit(nurse, "deleted"));
        var gone = await Store.GetAsync("nurse", "rn-a000000001");
        await Assert.ThrowsAsync<RegistryConflictException>(() => Store.DeleteAsync("nurse", "rn-a000000001", 2, Audit(nurse, "deleted")));
        var again = await WriteAsync(nurse);

        Assert.Null(gone);
        Assert.Equal(1, again);
        Assert.Equal(["created", "updated", "deleted", "created"], (await Store.ReadAuditAsync("nurse", "rn-a000000001")).Select(a => a.Action));
    }

    [Fact]
    public async Task AuditTrail_KeepsWhoWhenAndEachChangedField()
    {
        var nurse = Nurse("rn-a000000001");
        await WriteAsync(nurse);
        var renamed = Nurse("rn-a000000001", name: "Åse Berg", version: 1);
        await Store.WriteAsync(renamed, Audit(renamed, "updated", nurse.Json, actor: "orchestration:onboarding-rn-a000000001"));

        var trail = await Store.ReadAuditAsync("nurse", "rn-a000000001");

        var update = trail[1];
        Assert.Equal((Noon, "orchestration:onboarding-rn-a000000001", "nurse", "rn-a000000001", "ahus"), (update.At, update.Actor, update.Kind, update.EntityId, update.NetworkId));
        var change = Assert.Single(update.Changes);
        Assert.Equal(("name", "Åse Ødegård", "Åse Berg"), (change.Key, NameIn(change.Value.Before), NameIn(change.Value.After)));
        Assert.Equal(["id", "name", "networkId"], trail[0].Changes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Redact_ErasesEveryValueOfOneEntity_KeepingWhoWhenAndWhichFields()
    {
        var nurse = Nurse("rn-a000000001");
        await WriteAsync(nurse);
        await WriteAsync(Nurse("rn-a000000001", name: "Åse Berg", version: 1), "updated", nurse.Json);
        await WriteAsync(Nurse("rn-b000000002"));

        await Store.RedactAuditAsync("nurse", "rn-a000000001");

        var redacted = await Store.ReadAuditAsync("nurse", "rn-a000000001");
        Assert.Equal(["created", "updated"], redacted.Select(a => a.Action));
        Assert.All(redacted.SelectMany(a => a.Changes.Values), c => Assert.Equal(AuditChanges.Erased, c.After));
        Assert.Equal(AuditChanges.Erased, redacted[1].Changes["name"].Before);
        Assert.Equal("Åse Ødegård", NameIn((await Store.ReadAuditAsync("nurse", "rn-b000000002"))[0].Changes["name"].After));
    }

    [Fact]
    public async Task LargeRecordsAndTrails_RoundTripWhole()
    {
        var text = string.Concat(Enumerable.Repeat("Sykepleier på Ålesund sjukehus 🌿 ", 6_000));
        var big = Nurse("rn-a000000001", name: text);

        await WriteAsync(big);
        await Store.RedactAuditAsync("nurse", "rn-a000000001");

        Assert.Equal(big.Json, (await Store.GetAsync("nurse", "rn-a000000001"))!.Json);
        Assert.Equal(AuditChanges.Erased, (await Store.ReadAuditAsync("nurse", "rn-a000000001"))[0].Changes["name"].After);
    }

    [Fact]
    public async Task Items_AreWrittenWithTheirEntity_ReadOneByOneOrAll_InKeyOrder_AndRemoved()
    {
        var roster = new RegistryRecord("roster", "ahus-kurs|2026", "ahus", """{"open":true}""", 0);
        var neighbour = roster with { Id = "ahus-kurs|2026|b" };
        var version = await Store.WriteAsync(roster, [new("berit@a.example", """{"n":2}"""), new("anne@a.example", """{"n":1}""")], Audit(roster, "created"));
        await Store.WriteAsync(neighbour, [new("cecilie@a.example", "{}")], Audit(neighbour, "created"));

        Assert.Equal(new RegistryItem("anne@a.example", """{"n":1}"""), await Store.GetItemAsync("roster", roster.Id, "anne@a.example"));
        Assert.Null(await Store.GetItemAsync("roster", roster.Id, "cecilie@a.example"));
        Assert.Equal(["anne@a.example", "berit@a.example"], (await Store.ListItemsAsync("roster", roster.Id)).Select(i => i.Key));

        version = await Store.WriteAsync(
            roster with { Version = version }, [new("anne@a.example", null), new("berit@a.example", """{"n":3}"""), new("nobody@a.example", null)], Audit(roster, "updated"));
        Assert.Equal(2, version);
        Assert.Equal([new RegistryItem("berit@a.example", """{"n":3}""")], await Store.ListItemsAsync("roster", roster.Id));
        Assert.Null(await Store.GetItemAsync("roster", roster.Id, "anne@a.example"));
        Assert.Single(await Store.ListItemsAsync("roster", neighbour.Id));
        Assert.Empty(await Store.ListItemsAsync("roster", "ahus-kurs"));
    }

    [Fact]
    public async Task ItemsOfAStaleWrite_AreNotStored_AndDeletingTheEntityDeletesItsItems()
    {
        var roster = new RegistryRecord("roster", "ahus-kurs-2026", "ahus", "{}", 0);
        await Store.WriteAsync(roster, [new("anne@a.example", "{}")], Audit(roster, "created"));

        await Assert.ThrowsAsync<RegistryConflictException>(() => Store.WriteAsync(roster with { Version = 7 }, [new("berit@a.example", "{}")], Audit(roster, "updated")));
        await Assert.ThrowsAsync<RegistryConflictException>(() => Store.WriteAsync(roster, [new("cecilie@a.example", "{}")], Audit(roster, "created")));
        Assert.Equal(["anne@a.example"], (await Store.ListItemsAsync("roster", roster.Id)).Select(i => i.Key));

        await Store.DeleteAsync("roster", roster.Id, 1, Audit(roster, "deleted"));
        Assert.Empty(await Store.ListItemsAsync("roster", roster.Id));
        Assert.Null(await Store.GetItemAsync("roster", roster.Id, "anne@a.example"));
        await Store.WriteAsync(roster, Audit(roster, "created"));
        Assert.Empty(await Store.ListItemsAsync("roster", roster.Id));
    }

    [Fact]
    public async Task AWriteOfMoreItemsThanOneHolds_OrOfOneItemTwice_IsRefused_AndStoresNothing()
    {
        var roster = new RegistryRecord("roster", "ahus-kurs-2026", "ahus", "{}", 0);
        var many = Enumerable.Range(0, IRegistryStore.MostItemsPerWrite + 1).Select(i => new RegistryItem($"p{i:D3}@a.example", "{}")).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(roster, many, Audit(roster, "created")));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(roster, [new("a@a.example", "{}"), new("a@a.example", null)], Audit(roster, "created")));

        Assert.Null(await Store.GetAsync("roster", roster.Id));
        Assert.Equal(1, await Store.WriteAsync(roster, many[..^1], Audit(roster, "created")));
        Assert.Equal(IRegistryStore.MostItemsPerWrite, (await Store.ListItemsAsync("roster", roster.Id)).Count);
    }

    [Fact]
    public async Task OnceLedger_RecordsAKeyOnce_PerScope_WhateverItHolds()
    {
        const string key = "onboarding-rn-a000000001:exec/1#2?:5 ÆØÅ";

        var first = await Store.TryRecordOnceAsync("email", key);
        var second = await Store.TryRecordOnceAsync("email", key);
        var otherScope = await Store.TryRecordOnceAsync("link", key);

        Assert.Equal((true, false, true), (first, second, otherScope));
        Assert.True(await Store.WasRecordedAsync("email", key));
        Assert.False(await Store.WasRecordedAsync("email", key + "x"));
        Assert.False(await Store.WasRecordedAsync("other", key));
    }

    [Fact]
    public async Task ConcurrentOnceRecords_ExactlyOneIsFirst()
    {
        var firsts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.TryRecordOnceAsync("link", "token-1")));

        Assert.Single(firsts, first => first);
    }
}
