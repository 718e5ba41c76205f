package io.cloudmq.controlplane.standalone;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Standalone mode's database: active when no {@code spring.datasource.url} is configured. The
 * {@link DataSource} depends on the {@link StandalonePostgres} bean, so Spring closes the pool before it
 * stops the server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class StandaloneDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    StandalonePostgres standalonePostgres(@Value("${cloudmq.data-dir:./data}") Path dataDir) {
        return StandalonePostgres.start(dataDir.resolve("postgres").toAbsolutePath());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(StandalonePostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("standalone");
        return dataSource;
    }
}
