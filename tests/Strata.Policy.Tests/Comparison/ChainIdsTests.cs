using Strata.Images.Model;
using Strata.Policy.Comparison;
using Strata.Sbom.Catalogers;

namespace Strata.Policy.Tests.Comparison;

public sealed class ChainIdsTests
{
    /// <summary>
    /// Expected values from the OCI image spec's definition computed with coreutils:
    /// <c>printf '%s %s' "$parent" "$diffid" | sha256sum</c>, the DiffIDs being the SHA-256 of "a", "b" and "c".
    /// </summary>
    [Fact]
    public void The_first_ChainID_is_the_DiffID_and_each_next_hashes_the_parent_a_space_and_the_DiffID()
    {
        string[] diffIds =
        [
            "sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
            "sha256:3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d",
            "sha256:2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6",
        ];

        var chain = ChainIds.Of(diffIds.Select(d => Digest.Parse(d, "test")));

        Assert.Equal(
            [
                diffIds[0],
                "sha256:51c0c8ace48498d6f5fee6b0592cc06f2da0f3cbe09c5a34a97dce85c3889676",
                "sha256:2fce7f8ce91bcf0a1428b36e1024639fdbd9469eea762dba98aa749631885106",
            ],
            chain);
    }

    /// <summary>Every cataloger's versions can be ordered: a new cataloger without a comparer fails here.</summary>
    [Fact]
    public void Every_registered_cataloger_has_a_version_order()
    {
        Assert.All(CatalogerRegistry.All(), c => Assert.NotNull(PackageVersionOrder.For(c.Name)));
    }
}
