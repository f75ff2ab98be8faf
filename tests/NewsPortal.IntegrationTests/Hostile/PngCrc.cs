namespace NewsPortal.IntegrationTests.Hostile;

/// <summary>The CRC-32 that closes every PNG chunk, for the crafted images the hostile upload tests send.</summary>
internal static class PngCrc
{
    public static uint Of(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
