using Workflows.Network.Storage;

namespace Workflows.Tests.Network.Storage;

/// <summary>What an audit entry records of a change: the fields that differ, and of a list only what went out and in.</summary>
public sealed class AuditChangesTests
{
    [Fact]
    public void A_changed_field_records_its_value_before_and_after()
    {
        var changes = AuditChanges.Between("""{"name":"Kari","unit":"u1"}""", """{"name":"Kari Nordmann","unit":"u1"}""");

        var name = Assert.Single(changes).Value;
        Assert.Equal("\"Kari\"", name.Before);
        Assert.Equal("\"Kari Nordmann\"", name.After);
    }

    [Fact]
    public void A_list_records_only_the_items_taken_out_and_put_in()
    {
        var changes = AuditChanges.Between(
            """{"seated":[{"email":"a@x.no"},{"email":"b@x.no"}],"waitlist":[{"email":"c@x.no"}]}""",
            """{"seated":[{"email":"b@x.no"},{"email":"c@x.no"}],"waitlist":[]}""");

        Assert.Equal("""[{"email":"a@x.no"}]""", changes["seated"].Before);
        Assert.Equal("""[{"email":"c@x.no"}]""", changes["seated"].After);
        Assert.Equal("""[{"email":"c@x.no"}]""", changes["waitlist"].Before);
        Assert.Equal("[]", changes["waitlist"].After);
    }

    [Fact]
    public void A_list_that_gains_a_repeated_item_records_the_one_added()
    {
        var changes = AuditChanges.Between("""{"tags":["a","a"]}""", """{"tags":["a","a","a"]}""");

        Assert.Equal("[]", changes["tags"].Before);
        Assert.Equal("""["a"]""", changes["tags"].After);
    }

    [Fact]
    public void A_reordered_list_records_both_orders()
    {
        var changes = AuditChanges.Between("""{"order":[1,2]}""", """{"order":[2,1]}""");

        Assert.Equal("[1,2]", changes["order"].Before);
        Assert.Equal("[2,1]", changes["order"].After);
    }

    [Fact]
    public void A_created_entity_records_every_field_as_it_is()
    {
        var changes = AuditChanges.Between(null, """{"seated":[{"email":"a@x.no"}]}""");

        Assert.Null(changes["seated"].Before);
        Assert.Equal("""[{"email":"a@x.no"}]""", changes["seated"].After);
    }

    [Fact]
    public void OfList_records_what_comparing_the_json_records()
    {
        string[] many = [.. Enumerable.Range(1, 1000).Select(i => $"p{i}@x.no")];
        (string[] Before, string[] After)[] cases =
        [
            (many, [.. many, "new@x.no"]),
            (many, [.. many.Where(p => p != "p500@x.no")]),
            (many, [.. many.Where(p => p != "p1@x.no"), "p1001@x.no"]),
            (["a", "b"], ["b", "a"]),
            (["a"], []),
        ];

        foreach (var (before, after) in cases)
        {
            var compared = AuditChanges.Between(Json(before), Json(after))["seated"];
            Assert.Equal(compared, AuditChanges.OfList(before, after));
        }

        Assert.Null(AuditChanges.OfList(many, [.. many]));
    }

    private static string Json(string[] seated) => System.Text.Json.JsonSerializer.Serialize(new { seated }, RegistryJson.Options);
}
