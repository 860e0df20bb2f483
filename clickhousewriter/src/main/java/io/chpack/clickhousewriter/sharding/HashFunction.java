package io.chpack.clickhousewriter.sharding;

/**
 * The ClickHouse hash functions a sharding key may use, each with ClickHouse's rules for hashing one argument
 * and for folding several arguments into one value (FunctionsHashing.h, {@code FunctionAnyHash}):
 *
 * <ul>
 * <li>Strings, FixedStrings (all N bytes, padding included) and UUIDs (16 bytes: high then low half, each
 * little-endian; 26.x only, 18.16 rejects UUID arguments) are hashed as bytes.</li>
 * <li>Fixed-width numbers (Int*, UInt*, Date as UInt16 days, DateTime as UInt32 seconds, Enum as Int8/Int16,
 * floats as their IEEE bits): cityHash64 applies {@code intHash64} to {@code bit_cast<UInt64>(value)}
 * (zero-extended: {@code cityHash64(toInt8(-1)) = cityHash64(toUInt8(255))}); every other function here hashes
 * the value's little-endian bytes of the type's width ({@code sipHash64(toUInt8(1)) != sipHash64(toUInt64(1))}).
 * Same on 18.16.1 and 26.7.</li>
 * <li>Several arguments: the first argument's hash, then {@code h = combine(h, hash(next))} left to right.</li>
 * </ul>
 */
public enum HashFunction {
    /** CityHash 1.0.2; combine: {@code Hash128to64(uint128(h, next))}. */
    CITY_HASH_64("cityHash64", IntType.UINT64, true) {
        @Override
        long hashBytes(byte[] b) {
            return CityHash102.cityHash64(b);
        }

        @Override
        long combine(long h, long next) {
            return CityHash102.hash128to64(h, next);
        }
    },
    /** SipHash-2-4, zero key; combine: sipHash64 of the 16 bytes {@code h, next} (little-endian). */
    SIP_HASH_64("sipHash64", IntType.UINT64, true) {
        @Override
        long hashBytes(byte[] b) {
            return SipHash64.hash(b);
        }

        @Override
        long combine(long h, long next) {
            byte[] pair = new byte[16];
            LittleEndian.putLong(pair, 0, h);
            LittleEndian.putLong(pair, 8, next);
            return SipHash64.hash(pair);
        }
    },
    /** XXH64 seed 0; combine like cityHash64 (CityHash's Hash128to64). Not in 18.16. */
    XX_HASH_64("xxHash64", IntType.UINT64, true) {
        @Override
        long hashBytes(byte[] b) {
            return XxHash.xxHash64(b, 0);
        }

        @Override
        long combine(long h, long next) {
            return CityHash102.hash128to64(h, next);
        }
    },
    /** XXH32 seed 0; combine: {@code intHash32(h) ^ next}. Not in 18.16. */
    XX_HASH_32("xxHash32", IntType.UINT32, true) {
        @Override
        long hashBytes(byte[] b) {
            return XxHash.xxHash32(b, 0);
        }

        @Override
        long combine(long h, long next) {
            return IntHashes.intHash32(h) ^ next;
        }
    },
    /** MurmurHash2 32-bit seed 0; combine: {@code intHash32(h) ^ next}. */
    MURMUR_HASH2_32("murmurHash2_32", IntType.UINT32, true) {
        @Override
        long hashBytes(byte[] b) {
            return MurmurHash.murmur2x32(b, 0);
        }

        @Override
        long combine(long h, long next) {
            return IntHashes.intHash32(h) ^ next;
        }
    },
    /** MurmurHash64A seed 0; combine: {@code intHash64(h) ^ next}. */
    MURMUR_HASH2_64("murmurHash2_64", IntType.UINT64, true) {
        @Override
        long hashBytes(byte[] b) {
            return MurmurHash.murmur2x64(b, 0);
        }

        @Override
        long combine(long h, long next) {
            return IntHashes.intHash64(h) ^ next;
        }
    },
    /** MurmurHash3_x86_32 seed 0; combine: {@code intHash32(h) ^ next}. */
    MURMUR_HASH3_32("murmurHash3_32", IntType.UINT32, true) {
        @Override
        long hashBytes(byte[] b) {
            return MurmurHash.murmur3x32(b, 0);
        }

        @Override
        long combine(long h, long next) {
            return IntHashes.intHash32(h) ^ next;
        }
    },
    /** MurmurHash3_x64_128 seed 0, the two halves XORed; combine: {@code intHash64(h) ^ next}. */
    MURMUR_HASH3_64("murmurHash3_64", IntType.UINT64, true) {
        @Override
        long hashBytes(byte[] b) {
            long[] h = MurmurHash.murmur3x128(b, 0);
            return h[0] ^ h[1];
        }

        @Override
        long combine(long h, long next) {
            return IntHashes.intHash64(h) ^ next;
        }
    },
    /** See {@link JavaHash}; one argument only, no unsigned numbers. Not in 18.16. */
    JAVA_HASH("javaHash", IntType.INT32, false) {
        @Override
        long hashBytes(byte[] b) {
            return JavaHash.hashBytes(b);
        }

        @Override
        long hashNumber(HashInput in) {
            if (in.floating) {
                return hashBytes(in.memoryBytes());
            }
            return in.width == 8 ? JavaHash.hashInt64(in.bits) : (int) in.bits;
        }

        @Override
        long combine(long h, long next) {
            throw new UnsupportedOperationException("javaHash takes one argument");
        }
    };

    private final String sqlName;
    private final IntType resultType;
    private final boolean variadic;

    HashFunction(String sqlName, IntType resultType, boolean variadic) {
        this.sqlName = sqlName;
        this.resultType = resultType;
        this.variadic = variadic;
    }

    /** The function's name in SQL (case-sensitive in ClickHouse). */
    public String sqlName() {
        return sqlName;
    }

    public IntType resultType() {
        return resultType;
    }

    /** False for javaHash, which the server refuses to combine over several arguments. */
    public boolean acceptsSeveralArguments() {
        return variadic;
    }

    /** The function by its SQL name, or null. */
    public static HashFunction bySqlName(String name) {
        for (HashFunction f : values()) {
            if (f.sqlName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The hash of a byte string (a String argument), normalized to {@link #resultType()}. */
    public long hashString(byte[] bytes) {
        return resultType.normalize(hashBytes(bytes));
    }

    /** The function over several already-encoded arguments, normalized to {@link #resultType()}. */
    long hash(HashInput[] args) {
        long h = hashOne(args[0]);
        for (int i = 1; i < args.length; i++) {
            h = combine(h, hashOne(args[i]));
        }
        return resultType.normalize(h);
    }

    long hashOne(HashInput in) {
        return in.isBytes() ? hashBytes(in.bytes) : hashNumber(in);
    }

    abstract long hashBytes(byte[] bytes);

    /** 18.16's constant-argument path, see {@link KeyNode.Hash}. */
    long hashLegacyConstant(HashInput in) {
        if (in.isBytes()) {
            int end = 0;
            while (end < in.bytes.length && in.bytes[end] != 0) {
                end++;
            }
            return hashBytes(java.util.Arrays.copyOf(in.bytes, end));
        }
        return resultType.width() == 8 ? IntHashes.intHash64(in.zeroExtendedBits())
                : IntHashes.intHash32(in.zeroExtendedBits());
    }

    /** Fixed-width numbers: cityHash64 uses intHash64 of the zero-extended bits, the others hash the bytes. */
    long hashNumber(HashInput in) {
        if (this == CITY_HASH_64) {
            return IntHashes.intHash64(in.zeroExtendedBits());
        }
        return hashBytes(in.memoryBytes());
    }

    abstract long combine(long h, long next);

    @Override
    public String toString() {
        return sqlName;
    }
}
