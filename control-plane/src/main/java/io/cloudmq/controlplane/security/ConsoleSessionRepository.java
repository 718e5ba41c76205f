package io.cloudmq.controlplane.security;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ConsoleSessionRepository extends JpaRepository<ConsoleSession, String> {

    @Query("select s from ConsoleSession s where s.idSha256 = :idSha256 and s.expiresAt > :now")
    Optional<ConsoleSession> findValid(@Param("idSha256") String idSha256, @Param("now") Instant now);

    @Modifying
    @Query("delete from ConsoleSession s where s.expiresAt <= :now")
    int deleteExpired(@Param("now") Instant now);
}
